import {
  DOCX,
  LETTER_LANGUAGES,
  LETTER_TEMPLATE_KEYS,
  LETTER_TEMPLATE_TITLES,
  type LetterLanguage,
  type LetterTemplateKey,
  type LetterTemplateList,
  letterFields,
} from '@redress/core';
import { listLetterTemplates as listTemplateRows } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { letterTemplateBytes } from '../../letters/compose-letter.js';
import { requireActor } from '../policy.js';

/** Every letter template, its fields, and which languages have an uploaded replacement. Any user. */
export const listLetterTemplates = async (
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestContext,
): Promise<LetterTemplateList> => {
  if (!ctx.operator) requireActor(ctx);
  const rows = await listTemplateRows(deps.database.db);
  return {
    items: LETTER_TEMPLATE_KEYS.map((key) => ({
      key,
      title: LETTER_TEMPLATE_TITLES[key],
      fields: [...letterFields(key)],
      languages: LETTER_LANGUAGES.map((language) => {
        const row = rows.find((r) => r.key === key && r.language === language);
        return {
          language,
          isCustomised: row !== undefined,
          updatedAt: row ? row.updated_at.toISOString() : null,
          updatedBy: row?.updated_by ?? null,
        };
      }),
    })),
  };
};

export type TemplateFile = { bytes: Uint8Array; mediaType: string; fileName: string };

/** The template in use as a DOCX file, to edit in Word and upload again. Any user. */
export const getLetterTemplateFile = async (
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestContext,
  key: LetterTemplateKey,
  language: LetterLanguage,
): Promise<TemplateFile> => {
  if (!ctx.operator) requireActor(ctx);
  const { bytes } = await letterTemplateBytes(deps.database.db, key, language);
  return { bytes, mediaType: DOCX, fileName: `${key}.${language}.docx` };
};
