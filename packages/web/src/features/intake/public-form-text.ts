import type { PublicFormLanguage } from '@redress/core';

/**
 * The public form's own words in English and Spanish. The field labels, help and options come from
 * the core (`publicIntakeForm`), which the server serves too, so both always say the same thing.
 */
export type PublicFormText = {
  languageName: string;
  switchTo: string;
  pageTitle: string;
  sections: { you: string; person: string; conviction: string; case: string };
  required: string;
  requiredNote: string;
  optional: string;
  choose: string;
  submitting: string;
  tooLong: (max: number) => string;
  notDate: string;
  jurisdiction: string;
  bodyTooLarge: string;
  errorTitle: string;
  errorIntro: string;
  receivedTitle: string;
  keepReference: string;
  another: string;
  honeypot: string;
  privacy: string;
};

export const PUBLIC_FORM_TEXT: Record<PublicFormLanguage, PublicFormText> = {
  en: {
    languageName: 'English',
    switchTo: 'Language',
    pageTitle: 'Ask us to look at a case',
    sections: {
      you: 'About you',
      person: 'About the person in prison',
      conviction: 'The conviction',
      case: 'The case',
    },
    required: 'Required',
    requiredNote: 'Fields marked with an asterisk (*) are required. Everything else is optional.',
    optional: 'optional',
    choose: 'Choose one',
    submitting: 'Sending…',
    tooLong: (max) => `At most ${max.toLocaleString('en')} characters`,
    notDate: 'Use a real date (YYYY-MM-DD)',
    jurisdiction: 'Two letters, for example CA; US if federal',
    bodyTooLarge: 'The answers are too long to send together. Shorten the longest ones.',
    errorTitle: 'We could not send your request',
    errorIntro: 'Check the fields marked below.',
    receivedTitle: 'Request received',
    keepReference: 'Keep this reference. Quote it if you write or call us about this request.',
    another: 'Send another request',
    honeypot: 'Leave this field empty',
    privacy: 'We use what you send only to review the case. We never share it with the prison or the courts.',
  },
  es: {
    languageName: 'Español',
    switchTo: 'Idioma',
    pageTitle: 'Pídanos que revisemos un caso',
    sections: {
      you: 'Sobre usted',
      person: 'Sobre la persona en prisión',
      conviction: 'La condena',
      case: 'El caso',
    },
    required: 'Obligatorio',
    requiredNote: 'Los campos con asterisco (*) son obligatorios. Todo lo demás es opcional.',
    optional: 'opcional',
    choose: 'Elija una opción',
    submitting: 'Enviando…',
    tooLong: (max) => `Como máximo ${max.toLocaleString('es')} caracteres`,
    notDate: 'Use una fecha válida (AAAA-MM-DD)',
    jurisdiction: 'Dos letras, por ejemplo CA; US si es federal',
    bodyTooLarge: 'Las respuestas son demasiado largas para enviarlas juntas. Acorte las más largas.',
    errorTitle: 'No pudimos enviar su solicitud',
    errorIntro: 'Revise los campos marcados abajo.',
    receivedTitle: 'Solicitud recibida',
    keepReference: 'Guarde este número. Menciónelo si nos escribe o nos llama sobre esta solicitud.',
    another: 'Enviar otra solicitud',
    honeypot: 'Deje este campo vacío',
    privacy:
      'Usamos lo que nos envía solo para revisar el caso. Nunca lo compartimos con la prisión ni con los tribunales.',
  },
};
