import type { PathwayDefinition, PolicyOverlay } from '../rule-types.js';
import { COMPASSIONATE_RELEASE_1172_2 } from './compassionate-release-1172-2.js';
import { DA_RESENTENCING_OVERLAY } from './da-resentencing-overlay.js';
import { ELDERLY_PAROLE_3055 } from './elderly-parole-3055.js';
import { ELDERLY_PAROLE_COURT_ORDERED } from './elderly-parole-court-ordered.js';
import { FELONY_MURDER_RESENTENCING_1172_6 } from './felony-murder-resentencing-1172-6.js';
import { GOVERNOR_COMMUTATION } from './governor-commutation.js';
import { JUVENILE_LWOP_RECALL_1170D } from './juvenile-lwop-recall-1170d.js';
import { MEDICAL_PAROLE_3550 } from './medical-parole-3550.js';
import { PRISON_PRIOR_RESENTENCING_1172_75 } from './prison-prior-resentencing-1172-75.js';
import { PROP47_1170_18 } from './prop47-1170-18.js';
import { PROP64_HS11361_8 } from './prop64-hs11361-8.js';
import { RECALL_RESENTENCING_1172_1 } from './recall-resentencing-1172-1.js';
import { YOUTH_OFFENDER_PAROLE_3051 } from './youth-offender-parole-3051.js';

export { CA_FACTS } from './ca-facts.js';

/** California pathways, in the order of screening-format.md. */
export const CA_PATHWAYS: readonly PathwayDefinition[] = [
  ELDERLY_PAROLE_3055,
  ELDERLY_PAROLE_COURT_ORDERED,
  YOUTH_OFFENDER_PAROLE_3051,
  JUVENILE_LWOP_RECALL_1170D,
  FELONY_MURDER_RESENTENCING_1172_6,
  RECALL_RESENTENCING_1172_1,
  PRISON_PRIOR_RESENTENCING_1172_75,
  COMPASSIONATE_RELEASE_1172_2,
  MEDICAL_PAROLE_3550,
  PROP47_1170_18,
  PROP64_HS11361_8,
  GOVERNOR_COMMUTATION,
];

export const CA_OVERLAYS: readonly PolicyOverlay[] = [DA_RESENTENCING_OVERLAY];
