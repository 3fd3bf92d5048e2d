#!/usr/bin/env node
// Writes the default letter templates (Word DOCX files with {merge_fields}) to templates/letters/.
// Run after changing a letter's wording: node packages/server/templates/build-letter-templates.mjs
// The output is deterministic (fixed file dates), so an unchanged letter gives an unchanged file.
// Staff replace a template by editing the downloaded DOCX in Word and uploading it (PUT
// /api/v1/letters/templates/:key/:language); the fields each letter may use are listed in
// packages/core/src/correspondence/letters.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'letters');

// A letter is a list of paragraphs; "**...**" marks bold text; '' is an empty paragraph.
const closing = (lang) =>
  lang === 'en'
    ? ['Sincerely,', '', '', '**{sender_name}**', '{sender_title}', '{organisation_name}']
    : ['Atentamente,', '', '', '**{sender_name}**', '{sender_title}', '{organisation_name}'];

const opening = (lang, re) => [
  '{today}',
  '',
  '{address_block}',
  '',
  re,
  '',
  lang === 'en' ? 'Dear {person_name}:' : 'Estimado(a) {person_name}:',
];

const LETTERS = {
  acknowledgement: {
    en: [
      ...opening('en', '**Re: Your letter of {letter_date} (our reference {intake_reference})**'),
      'Thank you for writing to {organisation_name}. We have received your letter and opened a file for you. Please write the reference number above on every letter you send us, so that your papers stay together.',
      '**What happens next.** A member of our team will read your letter carefully. We receive many requests and we review them in the order they arrive, so it may take several months before we can tell you whether we are able to help. We will write to you as soon as we have a decision or need more information.',
      '**This letter does not mean that we are your lawyers** or that we have accepted your case. Until we write to tell you otherwise, you should keep working on your case yourself or with your current lawyer.',
      '**Please do not send original documents.** Send copies only. We cannot return papers, and originals can be lost in the mail. If we need court papers, transcripts or police reports, we will ask for them.',
      '**Deadlines.** If you have a deadline in court, for example for an appeal or a habeas petition, do not wait for us: file on time, or ask the court for more time.',
      'If you are moved to another facility, please write to us with your new address.',
      ...closing('en'),
    ],
    es: [
      ...opening('es', '**Asunto: Su carta del {letter_date} (nuestra referencia {intake_reference})**'),
      'Gracias por escribir a {organisation_name}. Hemos recibido su carta y hemos abierto un expediente a su nombre. Por favor, escriba el número de referencia de arriba en cada carta que nos envíe, para que sus papeles se mantengan juntos.',
      '**¿Qué pasa ahora?** Una persona de nuestro equipo leerá su carta con atención. Recibimos muchas solicitudes y las revisamos en el orden en que llegan, así que pueden pasar varios meses antes de que podamos decirle si podemos ayudarle. Le escribiremos en cuanto tengamos una decisión o necesitemos más información.',
      '**Esta carta no significa que seamos sus abogados** ni que hayamos aceptado su caso. Hasta que le escribamos diciendo lo contrario, siga trabajando en su caso usted mismo(a) o con su abogado actual.',
      '**Por favor, no envíe documentos originales.** Envíe solamente copias. No podemos devolver papeles, y los originales pueden perderse en el correo. Si necesitamos documentos del tribunal, transcripciones o informes de la policía, se los pediremos.',
      '**Plazos.** Si tiene un plazo en el tribunal, por ejemplo para una apelación o un hábeas corpus, no nos espere: presente su escrito a tiempo o pida más tiempo al tribunal.',
      'Si lo (la) trasladan a otro centro, por favor escríbanos con su nueva dirección.',
      ...closing('es'),
    ],
  },
  decline_referral: {
    en: [
      ...opening('en', '**Re: Your request for help (our reference {intake_reference})**'),
      'Thank you for writing to {organisation_name} and for your patience while we reviewed your request. We have read what you sent us carefully.',
      'We are sorry to tell you that we are not able to take your case. {decline_reason}',
      'This decision is not a judgement about whether you are innocent, and it does not stop you from seeking help elsewhere. We suggest that you write to:',
      '**{referral_organisation}**',
      '{referral_address}',
      '**Deadlines.** Our decision does not stop or extend any deadline in court. If you have a deadline, for example for an appeal or a habeas petition, file on time or ask the court for more time.',
      'We keep copies of what you sent us for our records. We wish you the best.',
      ...closing('en'),
    ],
    es: [
      ...opening('es', '**Asunto: Su solicitud de ayuda (nuestra referencia {intake_reference})**'),
      'Gracias por escribir a {organisation_name} y por su paciencia mientras revisábamos su solicitud. Hemos leído con atención todo lo que nos envió.',
      'Lamentamos informarle que no podemos aceptar su caso. {decline_reason}',
      'Esta decisión no es un juicio sobre su inocencia, y no le impide buscar ayuda en otro lugar. Le sugerimos que escriba a:',
      '**{referral_organisation}**',
      '{referral_address}',
      '**Plazos.** Nuestra decisión no detiene ni amplía ningún plazo en el tribunal. Si tiene un plazo, por ejemplo para una apelación o un hábeas corpus, presente su escrito a tiempo o pida más tiempo al tribunal.',
      'Guardamos copias de lo que nos envió en nuestros archivos. Le deseamos lo mejor.',
      ...closing('es'),
    ],
  },
  request_documents: {
    en: [
      ...opening('en', '**Re: Documents we need (our reference {intake_reference})**'),
      'Thank you for your letter. To continue reviewing your case, we need copies of the following documents:',
      '{documents_requested}',
      'If you do not have a document, please tell us what you know about it, for example the name of the court, the case number and the year. We can often ask the court or your former lawyer for it.',
      '**Please send copies, not originals.** We cannot return papers. Do not staple or tape the pages together.',
      'It would help us to receive your reply by {reply_by}. Please write the reference number above on your letter.',
      ...closing('en'),
    ],
    es: [
      ...opening('es', '**Asunto: Documentos que necesitamos (nuestra referencia {intake_reference})**'),
      'Gracias por su carta. Para seguir revisando su caso, necesitamos copias de los siguientes documentos:',
      '{documents_requested}',
      'Si no tiene algún documento, díganos lo que sepa de él, por ejemplo el nombre del tribunal, el número de caso y el año. Muchas veces podemos pedírselo al tribunal o a su abogado anterior.',
      '**Por favor, envíe copias, no originales.** No podemos devolver papeles. No engrape ni pegue las hojas con cinta.',
      'Nos ayudaría recibir su respuesta antes del {reply_by}. Por favor, escriba el número de referencia de arriba en su carta.',
      ...closing('es'),
    ],
  },
  questionnaire_cover: {
    en: [
      ...opening('en', '**Re: Our questionnaire (our reference {intake_reference})**'),
      'Thank you for writing to {organisation_name}. To understand your case, we ask everyone who writes to us to fill in the enclosed questionnaire.',
      '**How to fill it in.** Answer in your own words, in English or Spanish. Write as clearly as you can. If you do not know an answer, write "I don\'t know" and go on. If you need more room, use extra sheets of paper and write the reference number at the top of each sheet.',
      '**Please do not send original documents.** Send copies only, and only of the papers the questionnaire asks about. Do not staple the pages.',
      'Please return the questionnaire by {reply_by} if you can. Sending it back does not mean that we have accepted your case: we will write to you after we have read it.',
      ...closing('en'),
    ],
    es: [
      ...opening('es', '**Asunto: Nuestro cuestionario (nuestra referencia {intake_reference})**'),
      'Gracias por escribir a {organisation_name}. Para entender su caso, pedimos a todas las personas que nos escriben que llenen el cuestionario adjunto.',
      '**Cómo llenarlo.** Conteste con sus propias palabras, en español o en inglés. Escriba lo más claro que pueda. Si no sabe una respuesta, escriba "No sé" y siga adelante. Si necesita más espacio, use hojas adicionales y escriba el número de referencia arriba de cada hoja.',
      '**Por favor, no envíe documentos originales.** Envíe solamente copias, y solo de los papeles que pide el cuestionario. No engrape las hojas.',
      'Por favor, devuelva el cuestionario antes del {reply_by} si puede. Enviarlo no significa que hayamos aceptado su caso: le escribiremos después de leerlo.',
      ...closing('es'),
    ],
  },
  visit_confirmation: {
    en: [
      ...opening('en', '**Re: Legal visit on {visit_date}**'),
      'This letter confirms that **{visitor_name}** of {organisation_name} will visit you at {facility_name} on **{visit_date} at {visit_time}**.',
      'Purpose of the visit: {visit_purpose}',
      'This is a confidential legal visit. You may bring papers you want to discuss. If the facility changes the time or cancels the visit, we will arrange another date and write to you.',
      'If you are moved before the visit, please let us know as soon as you can.',
      ...closing('en'),
    ],
    es: [
      ...opening('es', '**Asunto: Visita legal el {visit_date}**'),
      'Esta carta confirma que **{visitor_name}**, de {organisation_name}, le visitará en {facility_name} el **{visit_date} a las {visit_time}**.',
      'Motivo de la visita: {visit_purpose}',
      'Es una visita legal confidencial. Puede traer los papeles que quiera comentar. Si el centro cambia la hora o cancela la visita, buscaremos otra fecha y le escribiremos.',
      'Si lo (la) trasladan antes de la visita, avísenos lo antes posible.',
      ...closing('es'),
    ],
  },
  attorney_visit_request: {
    en: [
      '{today}',
      '',
      'Litigation Coordinator',
      '{litigation_coordinator}',
      '{facility_name}',
      '{facility_address}',
      '',
      '**Re: Request for an attorney visit (Cal. Code Regs., tit. 15, § 3178)**',
      '**Client: {person_name}, {person_number_label} {person_number}**',
      '',
      'Dear Litigation Coordinator:',
      'I represent the incarcerated person named above and request a confidential attorney visit with my client on **{visit_date} at {visit_time}**. If that time is not available, {visit_alternative_dates} would also suit.',
      "The visitor's details, as section 3178 requires, are:",
      '**Visitor:** {visitor_name} ({visitor_role})',
      '**Mailing address:** {visitor_mailing_address}',
      '**Date of birth:** {visitor_dob}',
      "**Driver's licence or state ID number:** {visitor_id_number}",
      '**State Bar number:** {visitor_bar_number}',
      '**Bar standing and jurisdiction:** {visitor_bar_status}',
      "Proof of good standing with the State Bar is enclosed. Where the visitor is an attorney's representative (an investigator, a law student, a legal para-professional or an employee of the attorney), my letter authorising the visit is enclosed as well.",
      'Please confirm the visit, or tell me what else you need, by mail to the address above, by telephone at {sender_phone} or by e-mail at {sender_email}.',
      'Thank you for your help.',
      'Sincerely,',
      '',
      '',
      '**{sender_name}**',
      '{sender_title}',
      'State Bar No. {sender_bar_number}',
    ],
    es: [
      '{today}',
      '',
      'Coordinador(a) de litigios (Litigation Coordinator)',
      '{litigation_coordinator}',
      '{facility_name}',
      '{facility_address}',
      '',
      '**Asunto: Solicitud de visita de abogado (Cal. Code Regs., tít. 15, § 3178)**',
      '**Cliente: {person_name}, {person_number_label} {person_number}**',
      '',
      'Estimado(a) Coordinador(a) de litigios:',
      'Represento a la persona encarcelada arriba nombrada y solicito una visita confidencial de abogado con mi cliente el **{visit_date} a las {visit_time}**. Si esa hora no está disponible, también nos convendría: {visit_alternative_dates}.',
      'Los datos de la persona que visitará, según exige la sección 3178, son:',
      '**Visitante:** {visitor_name} ({visitor_role})',
      '**Dirección postal:** {visitor_mailing_address}',
      '**Fecha de nacimiento:** {visitor_dob}',
      '**Número de licencia de conducir o identificación estatal:** {visitor_id_number}',
      '**Número del Colegio de Abogados (State Bar):** {visitor_bar_number}',
      '**Situación en el Colegio y jurisdicción:** {visitor_bar_status}',
      'Se adjunta la constancia de buena situación en el Colegio de Abogados. Si la persona que visita es representante del abogado (investigador, estudiante de derecho, paraprofesional o empleado del abogado), se adjunta también mi carta de autorización de la visita.',
      'Le ruego confirme la visita, o me indique qué más necesita, por correo a la dirección de arriba, por teléfono al {sender_phone} o por correo electrónico a {sender_email}.',
      'Gracias por su ayuda.',
      'Atentamente,',
      '',
      '',
      '**{sender_name}**',
      '{sender_title}',
      'State Bar No. {sender_bar_number}',
    ],
  },
};

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const run = (text, bold) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

const paragraph = (line) => {
  if (line === '') return '<w:p/>';
  const parts = line.split('**');
  const runs = parts.map((text, i) => (text ? run(text, i % 2 === 1) : '')).join('');
  return `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${runs}</w:p>`;
};

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const documentXml = (lines) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
  lines.map(paragraph).join('') +
  '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>' +
  '</w:body></w:document>';

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const coreXml = (title, lang) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>Redress</dc:creator><dc:language>${lang}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`;

const appXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Redress</Application></Properties>`;

const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

export const buildTemplate = (key, lang) => {
  const zip = new PizZip();
  const add = (name, content) => zip.file(name, content, { date: FIXED_DATE });
  add('[Content_Types].xml', contentTypes);
  add('_rels/.rels', rootRels);
  add('word/document.xml', documentXml(LETTERS[key][lang]));
  add('word/_rels/document.xml.rels', documentRels);
  add('word/styles.xml', stylesXml);
  add('docProps/core.xml', coreXml(`${key} (${lang})`, lang === 'en' ? 'en-US' : 'es-US'));
  add('docProps/app.xml', appXml);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};

mkdirSync(outDir, { recursive: true });
for (const key of Object.keys(LETTERS)) {
  for (const lang of ['en', 'es']) {
    writeFileSync(join(outDir, `${key}.${lang}.docx`), buildTemplate(key, lang));
  }
}
process.stdout.write(`Wrote ${Object.keys(LETTERS).length * 2} templates to ${outDir}\n`);
