import type { RuleCertainty, StatuteSet } from '../statute-types.js';

/**
 * One line of a statute set: a provision and what the set says about it. Members are matched by
 * provision: `PC 459` covers `PC 459(a)`; `21 USC 841(b)(1)(A)(iii)` covers only that path and deeper.
 * A statute less specific than a member (`PC 286` where only `PC 286(c)(2)` is listed) gives `null`.
 */
export type StatuteSetMember = {
  /** A canonical id as `normalizeStatute` writes it: `PC 261(a)(2)`, `PC 664/187`, `21 USC 846/841(b)(1)(A)(iii)`. */
  statute: string;
  /**
   * true: in the set. false: listed to record that it is not (with the reason in `note`). null: in the
   * set only on facts the statute does not give (value of property, a finding, the substance).
   */
  inSet: boolean | null;
  /** The member covers only convictions of this degree; an unknown degree gives `null`. */
  degree?: 'first' | 'second';
  /**
   * Whether attempts match: `also` (attempts too), `only` (attempts only), `never` (even where the set
   * includes attempts). A member written as an attempt (`PC 664/187`) matches attempts only.
   */
  attempts?: 'also' | 'only' | 'never';
  /** The provision in the set's source that lists this member, e.g. `PC 667.5(c)(9)`. */
  citation: string;
  /** Overrides the set's certainty for this member. */
  certainty?: RuleCertainty;
  note?: string;
};

export type StatuteSetData = StatuteSet & {
  jurisdiction: 'CA' | 'US';
  /** Attempts of every member are in the set (e.g. PC 1192.7(c)(39)); otherwise only members marked `attempts`. */
  includesAttempts: boolean;
  /** Conspiracies to commit a member are in the set (e.g. PC 1192.7(c)(42), 21 USC 846). */
  includesConspiracies: boolean;
  members: readonly StatuteSetMember[];
};
