import type { LetterLanguage } from '@redress/core';
import { PDFDocument, rgb } from 'pdf-lib';
import { createFlow, drawText, embedFonts, type Flow, POINTS_PER_INCH, US_LETTER } from './pdf-typeset.js';

/**
 * The paper intake questionnaire mailed to an applicant (domain.md 4.6): background, conviction,
 * the claim of innocence, investigation, trial, post-conviction history, evidence and DNA testing,
 * and the papers the applicant has. Plain language, ruled lines to write on, and the intake's
 * reference on every page so that a returned scan is matched to its intake.
 */
type Item =
  | { kind: 'lines'; label: string; lines: number }
  | { kind: 'choice'; label: string; options: string[] }
  | { kind: 'note'; text: string };
type Section = { title: string; intro?: string; items: Item[] };
type Questionnaire = {
  title: string;
  reference: string;
  page: (n: number, total: number) => string;
  intro: string[];
  sections: Section[];
  closing: string[];
};

const l = (label: string, lines = 1): Item => ({ kind: 'lines', label, lines });
const c = (label: string, options: string[]): Item => ({ kind: 'choice', label, options });

const EN: Questionnaire = {
  title: 'Questionnaire for people asking for our help',
  reference: 'Reference',
  page: (n, total) => `Page ${n} of ${total}`,
  intro: [
    'Please answer in your own words. Write clearly. If you do not know an answer, write "I don\'t know" and go on to the next question. If you need more room, use extra sheets of paper and write the reference number at the top of each sheet.',
    'Do not send original documents. Send copies only. Do not staple the pages.',
  ],
  sections: [
    {
      title: '1. About you',
      items: [
        l('Your full name (and any other names you have used)'),
        l('Your CDCR number or BOP register number'),
        l('Date of birth'),
        l('The prison or jail where you are now'),
        c('Who is holding you?', ['California (CDCR)', 'Federal (BOP)', 'County jail', 'Other state']),
        l('The date you were convicted'),
        l('Language you prefer for our letters'),
      ],
    },
    {
      title: '2. Your conviction',
      items: [
        l('What were you convicted of? List every crime (offence).', 2),
        l('County and court where the case was decided, and the case number if you know it', 2),
        l('Your sentence (for example "25 years to life")'),
        l('Were other people charged in the same case (co-defendants)? Their names and what happened to them', 3),
      ],
    },
    {
      title: '3. Why you are innocent',
      intro:
        'Tell us in your own words why you did not commit the crime. Where were you when it happened? Who can say so?',
      items: [
        l('Your story', 10),
        l('Is there an alibi (someone or something that shows you were somewhere else)?', 3),
      ],
    },
    {
      title: '4. The investigation',
      items: [
        l('How did the police come to suspect you?', 3),
        l('Were you questioned? Did you make a statement or confession? Was a lawyer there?', 3),
        l('Were there eyewitnesses, a line-up or photo identification? What happened?', 3),
      ],
    },
    {
      title: '5. The trial or plea',
      items: [
        c('How was your case decided?', ['Trial by jury', 'Trial by a judge', 'Plea deal', 'Other']),
        l('Name of your lawyer at trial (or for the plea). Was the lawyer appointed or hired?', 2),
        l('The most important evidence against you', 4),
        l('The most important witnesses against you, and witnesses for you who were not called', 4),
      ],
    },
    {
      title: '6. After the conviction',
      items: [
        c('Did you appeal?', ['Yes', 'No', "I don't know"]),
        l('Appeals, habeas petitions and other filings: court, year and result of each', 5),
        l('Has a lawyer or an innocence project worked on your case before? Who, and when?', 2),
      ],
    },
    {
      title: '7. Evidence and DNA',
      items: [
        l('What physical evidence was collected (for example clothing, a weapon, blood, hair, fingerprints)?', 3),
        c('Was any evidence tested for DNA?', ['Yes', 'No', "I don't know"]),
        l('Could DNA testing show who really committed the crime? Why?', 3),
        l('New evidence that the jury or judge never heard', 3),
      ],
    },
    {
      title: '8. Papers you have',
      intro: 'Tick what you have. Do not send them now: we will ask for copies if we need them.',
      items: [
        c('I have:', [
          'Trial transcript',
          'Police reports',
          'Appeal briefs or decisions',
          'Habeas petitions',
          'Lab or DNA reports',
          'Letters from my lawyers',
        ]),
        l('Other papers', 2),
      ],
    },
  ],
  closing: [
    'Signature ______________________________   Date ______________',
    'Mail this questionnaire back to us in the envelope we sent, or in your own envelope. Write the reference number on the envelope.',
  ],
};

const ES: Questionnaire = {
  title: 'Cuestionario para personas que piden nuestra ayuda',
  reference: 'Referencia',
  page: (n, total) => `Página ${n} de ${total}`,
  intro: [
    'Por favor, conteste con sus propias palabras. Escriba con claridad. Si no sabe una respuesta, escriba "No sé" y pase a la siguiente pregunta. Si necesita más espacio, use hojas adicionales y escriba el número de referencia arriba de cada hoja.',
    'No envíe documentos originales. Envíe solamente copias. No engrape las hojas.',
  ],
  sections: [
    {
      title: '1. Sobre usted',
      items: [
        l('Su nombre completo (y otros nombres que haya usado)'),
        l('Su número de CDCR o número de registro del BOP'),
        l('Fecha de nacimiento'),
        l('La prisión o cárcel donde está ahora'),
        c('¿Quién lo (la) tiene bajo custodia?', [
          'California (CDCR)',
          'Federal (BOP)',
          'Cárcel del condado',
          'Otro estado',
        ]),
        l('La fecha en que lo (la) condenaron'),
        l('Idioma que prefiere para nuestras cartas'),
      ],
    },
    {
      title: '2. Su condena',
      items: [
        l('¿De qué delitos lo (la) condenaron? Anótelos todos.', 2),
        l('Condado y tribunal donde se decidió el caso, y el número de caso si lo sabe', 2),
        l('Su sentencia (por ejemplo, "25 años a cadena perpetua")'),
        l('¿Acusaron a otras personas en el mismo caso (coacusados)? Sus nombres y qué les pasó', 3),
      ],
    },
    {
      title: '3. Por qué es usted inocente',
      intro:
        '¿Por qué no cometió el delito? Cuéntenos con sus palabras. ¿Dónde estaba cuando ocurrió? ¿Quién puede confirmarlo?',
      items: [l('Su historia', 10), l('¿Tiene una coartada (alguien o algo que muestre que estaba en otro lugar)?', 3)],
    },
    {
      title: '4. La investigación',
      items: [
        l('¿Cómo llegó la policía a sospechar de usted?', 3),
        l('¿Lo (la) interrogaron? ¿Hizo una declaración o confesión? ¿Había un abogado presente?', 3),
        l('¿Hubo testigos presenciales, rueda de reconocimiento o identificación por fotos? ¿Qué pasó?', 3),
      ],
    },
    {
      title: '5. El juicio o el acuerdo',
      items: [
        c('¿Cómo se decidió su caso?', ['Juicio con jurado', 'Juicio ante un juez', 'Acuerdo con la fiscalía', 'Otro']),
        l('Nombre de su abogado en el juicio (o en el acuerdo). ¿Era de oficio o contratado?', 2),
        l('Las pruebas más importantes en su contra', 4),
        l('Los testigos más importantes en su contra, y testigos a su favor que no declararon', 4),
      ],
    },
    {
      title: '6. Después de la condena',
      items: [
        c('¿Apeló?', ['Sí', 'No', 'No sé']),
        l('Apelaciones, hábeas corpus y otros escritos: tribunal, año y resultado de cada uno', 5),
        l('¿Ha trabajado antes en su caso un abogado o un proyecto de inocencia? ¿Quién y cuándo?', 2),
      ],
    },
    {
      title: '7. Pruebas y ADN',
      items: [
        l('¿Qué pruebas físicas se recogieron (por ejemplo ropa, un arma, sangre, cabello, huellas)?', 3),
        c('¿Se hizo una prueba de ADN a alguna prueba?', ['Sí', 'No', 'No sé']),
        l('¿Podría una prueba de ADN mostrar quién cometió realmente el delito? ¿Por qué?', 3),
        l('Pruebas nuevas que el jurado o el juez nunca conocieron', 3),
      ],
    },
    {
      title: '8. Papeles que tiene',
      intro: 'Marque lo que tiene. No los envíe ahora: le pediremos copias si las necesitamos.',
      items: [
        c('Tengo:', [
          'Transcripción del juicio',
          'Informes de la policía',
          'Escritos o decisiones de apelación',
          'Peticiones de hábeas corpus',
          'Informes de laboratorio o ADN',
          'Cartas de mis abogados',
        ]),
        l('Otros papeles', 2),
      ],
    },
  ],
  closing: [
    'Firma ______________________________   Fecha ______________',
    'Envíenos este cuestionario en el sobre que le mandamos, o en su propio sobre. Escriba el número de referencia en el sobre.',
  ],
};

const QUESTIONNAIRES: Record<LetterLanguage, Questionnaire> = { en: EN, es: ES };

const BOX = 9;

const drawChoice = (flow: Flow, label: string, options: readonly string[]) => {
  flow.paragraph(label, { size: 11, bold: true, after: 4 });
  const fonts = flow.fonts;
  let x = flow.left + 6;
  flow.ensure(18);
  let y = flow.y() - 12;
  for (const option of options) {
    const w = BOX + 5 + fonts.regular.widthOfTextAtSize(option, 11) + 18;
    if (x + w > flow.left + flow.width) {
      x = flow.left + 6;
      y -= 18;
    }
    flow.page().drawRectangle({ x, y: y - 1, width: BOX, height: BOX, borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
    drawText(flow.page(), fonts, option, { x: x + BOX + 5, y, size: 11, width: w });
    x += w;
  }
  flow.space(flow.y() - y + 14);
};

export const renderQuestionnairePdf = async (language: 'en' | 'es', reference?: string): Promise<Uint8Array> => {
  const q = QUESTIONNAIRES[language];
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(q.title);
  doc.setLanguage(language === 'es' ? 'es-US' : 'en-US');
  doc.setProducer('Redress');
  const fonts = await embedFonts(doc);
  const ref = reference?.trim() ? reference.trim() : '____________';
  const margin = 0.75 * POINTS_PER_INCH;
  const [pageWidth, pageHeight] = US_LETTER;
  const flow = createFlow(doc, fonts, {
    margin,
    bottom: 0.8 * POINTS_PER_INCH,
    onPage: (page) => {
      const y = pageHeight - 0.5 * POINTS_PER_INCH;
      drawText(page, fonts, q.title, { x: margin, y, size: 9, width: pageWidth - 2 * margin });
      drawText(page, fonts, `${q.reference}: ${ref}`, {
        x: margin,
        y,
        size: 11,
        width: pageWidth - 2 * margin,
        align: 'right',
        bold: true,
      });
      page.drawLine({
        start: { x: margin, y: y - 6 },
        end: { x: pageWidth - margin, y: y - 6 },
        thickness: 0.5,
        color: rgb(0, 0, 0),
      });
      return y - 20;
    },
  });
  flow.paragraph(q.title, { size: 17, bold: true, after: 8 });
  for (const p of q.intro) flow.paragraph(p, { size: 11, after: 6 });
  for (const section of q.sections) {
    flow.ensure(90);
    flow.space(6);
    flow.paragraph(section.title, { size: 14, bold: true, after: 4 });
    if (section.intro) flow.paragraph(section.intro, { size: 11, after: 4 });
    for (const item of section.items) {
      if (item.kind === 'choice') drawChoice(flow, item.label, item.options);
      else if (item.kind === 'note') flow.paragraph(item.text, { size: 11 });
      else {
        flow.ensure(40);
        flow.paragraph(item.label, { size: 11, bold: true, after: 0 });
        flow.rules(item.lines);
      }
    }
  }
  flow.space(12);
  for (const p of q.closing) flow.paragraph(p, { size: 11, after: 10 });
  const pages = doc.getPages();
  for (const [i, page] of pages.entries()) {
    drawText(page, fonts, `${q.reference}: ${ref}   ·   ${q.page(i + 1, pages.length)}`, {
      x: margin,
      y: 0.45 * POINTS_PER_INCH,
      size: 9,
      width: pageWidth - 2 * margin,
      align: 'center',
    });
  }
  return doc.save();
};
