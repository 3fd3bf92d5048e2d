import type { StatuteSetData, StatuteSetMember } from './statute-set-data.js';

const m = (
  statute: string,
  inSet: boolean | null,
  citation: string,
  extra: Partial<StatuteSetMember> = {},
): StatuteSetMember => ({ statute, inSet, citation, ...extra });

const each = (sections: readonly string[], inSet: boolean | null, citation: string): StatuteSetMember[] =>
  sections.map((section) => m(`18 USC ${section}`, inSet, citation));

/** Crimes of violence under the elements clause, 18 U.S.C. 16(a). The residual clause 16(b) is void (Dimaya). */
export const US_CRIME_OF_VIOLENCE_18_16: StatuteSetData = {
  id: 'US_CRIME_OF_VIOLENCE_18_16',
  jurisdiction: 'US',
  title: 'Federal crimes of violence',
  citations: [
    '18 U.S.C. 16(a)',
    'Sessions v. Dimaya, 584 U.S. 148 (2018)',
    'United States v. Taylor, 596 U.S. 845 (2022)',
  ],
  certainty: 'memory',
  note: 'Circuit law varies for several statutes; members marked null need a lawyer to read the subdivision and circuit.',
  includesAttempts: false,
  includesConspiracies: false,
  members: [
    m('18 USC 2113', null, '18 U.S.C. 16(a)', { note: 'Divisible: (a) force or intimidation yes, (b) theft no.' }),
    m('18 USC 2113(a)', true, '18 U.S.C. 16(a)', { note: 'Bank robbery by force, violence or intimidation.' }),
    m('18 USC 2113(d)', true, '18 U.S.C. 16(a)'),
    m('18 USC 2113(e)', true, '18 U.S.C. 16(a)'),
    m('18 USC 2113(b)', false, '18 U.S.C. 16(a)', { note: 'Bank larceny has no force element.' }),
    m('18 USC 1951', null, '18 U.S.C. 16(a)', {
      note: 'Hobbs Act robbery is a crime of violence; extortion, attempt and conspiracy under 1951(a) may not be.',
    }),
    m('18 USC 1951', false, 'United States v. Taylor, 596 U.S. 845 (2022)', {
      attempts: 'only',
      note: 'Attempted Hobbs Act robbery is not a crime of violence (Taylor).',
    }),
    m('18 USC 924(c)', null, '18 U.S.C. 924(c)(3)', {
      note: 'A firearm count: its predicate may be a crime of violence or a drug trafficking crime.',
    }),
    m('18 USC 1111', true, '18 U.S.C. 16(a)'),
    m('18 USC 1112', null, '18 U.S.C. 16(a); Borden v. United States (2021)', {
      note: 'Involuntary (reckless) manslaughter is not; voluntary may be.',
    }),
    m('18 USC 1113', true, '18 U.S.C. 16(a)'),
    m('18 USC 1114', true, '18 U.S.C. 16(a)'),
    m('18 USC 2119', true, '18 U.S.C. 16(a)'),
    m('18 USC 2241(a)', true, '18 U.S.C. 16(a)'),
    m('18 USC 2241(b)', true, '18 U.S.C. 16(a)'),
    m('18 USC 2241(c)', null, '18 U.S.C. 16(a)', {
      note: 'Sexual act with a child: no force element; circuits differ.',
    }),
    m('18 USC 2242', null, '18 U.S.C. 16(a)', { note: '2242(1) threats may be; 2242(2) incapacity is not.' }),
    m('18 USC 1201', null, '18 U.S.C. 16(a)', { note: 'Kidnapping by inveigling or decoy has no force element.' }),
    m('18 USC 111(b)', true, '18 U.S.C. 16(a)'),
    m('18 USC 111(a)', null, '18 U.S.C. 16(a)', { note: 'Simple assault on an officer may lack a force element.' }),
    m('18 USC 875(c)', true, '18 U.S.C. 16(a)', { note: 'Threat to injure: threatened use of force.' }),
    m('18 USC 844(i)', null, '18 U.S.C. 16(a)', { note: 'Arson may reach the defendant’s own property.' }),
    m('18 USC 1959', null, '18 U.S.C. 16(a)', { note: 'VICAR: turns on the predicate crime.' }),
    m('18 USC 922(g)', false, '18 U.S.C. 16(a)', { note: 'Possession offences have no force element.' }),
    m('21 USC 841', false, '18 U.S.C. 16(a)', { note: 'Drug trafficking is not a crime of violence.' }),
    m('21 USC 846', false, '18 U.S.C. 16(a)'),
    m('21 USC 960', false, '18 U.S.C. 16(a)'),
  ],
};

/** "Covered offenses" for First Step Act sec. 404: statutory penalties modified by the Fair Sentencing Act 2010. */
export const US_FSA_2010_COVERED: StatuteSetData = {
  id: 'US_FSA_2010_COVERED',
  jurisdiction: 'US',
  title: 'Offences covered by the Fair Sentencing Act 2010 (First Step Act sec. 404)',
  citations: [
    'First Step Act of 2018, sec. 404(a)',
    'Fair Sentencing Act of 2010, secs. 2-3',
    'Terry v. United States, 593 U.S. 486 (2021)',
  ],
  certainty: 'secondary',
  note: 'Covered only when committed before 2010-08-03; the substance (cocaine base) must show in the subdivision or the record.',
  includesAttempts: false,
  includesConspiracies: true,
  members: [
    m('21 USC 841(a)', null, 'FSA 2010 sec. 2', { note: 'Covered only under (b)(1)(A)(iii) or (b)(1)(B)(iii).' }),
    m('21 USC 841(b)(1)(A)(iii)', true, 'FSA 2010 sec. 2(a)(1)'),
    m('21 USC 841(b)(1)(B)(iii)', true, 'FSA 2010 sec. 2(a)(2)'),
    m('21 USC 841(b)(1)(C)', false, 'Terry v. United States, 593 U.S. 486 (2021)', {
      certainty: 'verified',
      note: 'No mandatory minimum was modified for (b)(1)(C).',
    }),
    m('21 USC 844(a)', null, 'FSA 2010 sec. 3', { note: 'Covered only for simple possession of cocaine base.' }),
    m('21 USC 960(b)(1)(C)', true, 'FSA 2010 sec. 2(b)'),
    m('21 USC 960(b)(2)(C)', true, 'FSA 2010 sec. 2(b)'),
    m('21 USC 960(b)(3)', false, 'Terry v. United States (by analogy)', {
      certainty: 'uncertain',
      note: 'No mandatory minimum modified, as for 841(b)(1)(C).',
    }),
    m('21 USC 960(a)', null, 'FSA 2010 sec. 2(b)', { note: 'Covered only under (b)(1)(C) or (b)(2)(C).' }),
    m('21 USC 846', null, '21 U.S.C. 846', { note: 'A conspiracy is covered when its object is covered.' }),
    m('21 USC 963', null, '21 U.S.C. 963', { note: 'A conspiracy is covered when its object is covered.' }),
  ],
};

export const US_THREE_STRIKES_3559C: StatuteSetData = {
  id: 'US_THREE_STRIKES_3559C',
  jurisdiction: 'US',
  title: 'Federal "three strikes" mandatory life (18 U.S.C. 3559(c))',
  citations: ['18 U.S.C. 3559(c)', '18 U.S.C. 3582(c)(1)(A)(ii)'],
  certainty: 'verified',
  includesAttempts: false,
  includesConspiracies: false,
  members: [m('18 USC 3559(c)', true, '18 U.S.C. 3559(c)')],
};

/** Federal sex offences under SORNA, 34 U.S.C. 20911(5)(A)(iii). */
export const US_SEX_OFFENSE_20911: StatuteSetData = {
  id: 'US_SEX_OFFENSE_20911',
  jurisdiction: 'US',
  title: 'Federal sex offences (SORNA)',
  citations: ['34 U.S.C. 20911(5)(A)(iii)'],
  certainty: 'memory',
  includesAttempts: true,
  includesConspiracies: true,
  members: [
    m('18 USC 1591', true, '34 U.S.C. 20911(5)(A)(iii)'),
    ...each(['2241', '2242', '2243', '2244', '2245', '2247'], true, '34 U.S.C. 20911(5)(A)(iii): chapter 109A'),
    ...each(
      ['2251', '2251A', '2252', '2252A', '2252B', '2252C', '2260'],
      true,
      '34 U.S.C. 20911(5)(A)(iii): chapter 110',
    ),
    ...each(['2257', '2257A', '2258'], false, '34 U.S.C. 20911(5)(A)(iii): chapter 110 exceptions'),
    ...each(['2421', '2421A', '2422', '2423', '2424', '2425'], true, '34 U.S.C. 20911(5)(A)(iii): chapter 117'),
    m('18 USC 1801', true, '34 U.S.C. 20911(5)(A)(iii)', { certainty: 'uncertain', note: 'Video voyeurism.' }),
  ],
};

/** Offences listed in 18 U.S.C. 2332b(g)(5)(B); a "federal crime of terrorism" also needs (g)(5)(A). */
export const US_TERRORISM_2332B: StatuteSetData = {
  id: 'US_TERRORISM_2332B',
  jurisdiction: 'US',
  title: 'Offences listed as federal crimes of terrorism',
  citations: ['18 U.S.C. 2332b(g)(5)(B)'],
  certainty: 'memory',
  note: 'Key sections only. The offence must also be calculated to influence or retaliate against government (2332b(g)(5)(A)).',
  includesAttempts: false,
  includesConspiracies: false,
  members: [
    ...each(
      ['32', '175', '229', '351', '831', '844(i)', '956(a)(1)', '1114', '1203', '1751', '1992'],
      true,
      '18 U.S.C. 2332b(g)(5)(B)(i)',
    ),
    ...each(
      ['2280', '2332', '2332a', '2332b', '2332f', '2339', '2339A', '2339B', '2339C', '2339D', '2340A'],
      true,
      '18 U.S.C. 2332b(g)(5)(B)(i)',
    ),
    m('49 USC 46502', true, '18 U.S.C. 2332b(g)(5)(B)(iii)'),
  ],
};

export const US_ESPIONAGE_CH37: StatuteSetData = {
  id: 'US_ESPIONAGE_CH37',
  jurisdiction: 'US',
  title: 'Espionage and censorship (18 U.S.C. chapter 37)',
  citations: ['18 U.S.C. 792-799'],
  certainty: 'verified',
  includesAttempts: true,
  includesConspiracies: true,
  members: each(['792', '793', '794', '795', '796', '797', '798', '799'], true, '18 U.S.C. chapter 37'),
};
