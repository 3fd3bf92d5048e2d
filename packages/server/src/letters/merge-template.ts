import {
  domainError,
  fail,
  findUnknownFields,
  type LetterPayload,
  type LetterTemplateKey,
  ok,
  type Result,
  unknownFieldMessage,
} from '@redress/core';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { paragraphTexts } from './docx-paragraphs.js';

/**
 * Word templates with merge fields `{person_name}`, merged with docxtemplater (paragraph loops, line
 * breaks in values become Word line breaks). A template is checked before it is saved and before it
 * is merged: a tag syntax error names the tag and its paragraph, and a field outside the template's
 * catalogue names the field (never merged as a blank).
 */

type TemplateError = {
  properties?: { id?: string; xtag?: string; context?: string; offset?: number; explanation?: string };
};

const invalid = (message: string, details?: Record<string, string>) =>
  fail('invalid', 'letter.template_invalid', message, details);

/** Which paragraph (1-based) holds the character at `offset` of the document's running text. */
const paragraphAt = (texts: readonly string[], offset: number | undefined, context: string | undefined) => {
  if (offset !== undefined) {
    let at = 0;
    for (const [i, t] of texts.entries()) {
      if (offset < at + t.length) return i + 1;
      at += t.length;
    }
  }
  const probe = context?.replace(/^[{}]/, '').slice(0, 20);
  const found = probe ? texts.findIndex((t) => t.includes(probe)) : -1;
  return found >= 0 ? found + 1 : null;
};

const describeSyntaxError = (e: unknown, documentXml: string) => {
  const errors = ((e as { properties?: { errors?: TemplateError[] } }).properties?.errors ?? [e as TemplateError])
    .map((x) => x.properties)
    .filter((x) => x !== undefined);
  const texts = paragraphTexts(documentXml);
  const first = errors[0];
  if (!first) return invalid('The template could not be read as a Word template');
  const paragraph = paragraphAt(texts, first.offset, first.context);
  const where = paragraph ? ` in paragraph ${paragraph} ("${(texts[paragraph - 1] ?? '').trim().slice(0, 80)}")` : '';
  const kind =
    first.id === 'unclosed_tag'
      ? 'is not closed with }'
      : first.id === 'unopened_tag'
        ? 'has a } without its {'
        : `is not a valid merge field (${first.explanation ?? first.id ?? 'syntax error'})`;
  const tag = first.xtag ?? first.context ?? '?';
  return invalid(
    `The tag {${tag.replace(/^[{}]|[{}]$/g, '')}${kind === 'is not closed with }' ? '' : '}'} ${kind}${where}`,
    {
      tag,
      ...(paragraph ? { paragraph: String(paragraph) } : {}),
    },
  );
};

type Compiled = { doc: Docxtemplater; tags: string[] };

const compile = (bytes: Uint8Array): Result<Compiled> => {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return invalid('The file is not a Word document (DOCX): it could not be opened as one');
  }
  const documentXml = zip.file('word/document.xml')?.asText();
  if (!documentXml) return invalid('The file is not a Word document (DOCX): it has no word/document.xml');
  const tags: string[] = [];
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      parser: (tag: string) => {
        tags.push(tag);
        return { get: (scope: Record<string, unknown>) => scope[tag.trim()] };
      },
    });
    return ok({ doc, tags });
  } catch (e) {
    if ((e as { name?: string }).name === 'TemplateError') return describeSyntaxError(e, documentXml);
    throw e;
  }
};

const unknownFields = (tags: readonly string[], template: LetterTemplateKey): Result<string[]> => {
  const unknown = findUnknownFields(tags, template);
  if (unknown.length) {
    return {
      ok: false,
      error: domainError('invalid', 'letter.unknown_field', unknownFieldMessage(unknown, template), {
        fields: unknown.join(', '),
      }),
    };
  }
  return ok([...new Set(tags.map((t) => t.trim()))]);
};

/** The fields a template uses, or why it cannot be used for `template` letters. */
export const checkLetterTemplate = (bytes: Uint8Array, template: LetterTemplateKey): Result<string[]> => {
  const compiled = compile(bytes);
  return compiled.ok ? unknownFields(compiled.value.tags, template) : compiled;
};

/** The template merged with the payload's fields, as DOCX bytes (checked as on upload first). */
export const mergeLetterTemplate = (bytes: Uint8Array, payload: LetterPayload): Result<Uint8Array> => {
  const compiled = compile(bytes);
  if (!compiled.ok) return compiled;
  const checked = unknownFields(compiled.value.tags, payload.template);
  if (!checked.ok) return checked;
  compiled.value.doc.render(payload.fields);
  return ok(compiled.value.doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' }));
};
