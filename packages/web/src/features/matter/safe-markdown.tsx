import { Fragment, type ReactNode } from 'react';

/**
 * A tiny, safe subset of Markdown rendered as React elements: paragraphs and line breaks, bullet and
 * numbered lists, headings (shown as bold lines), quotes, code, **bold**, *italic* and http(s) or
 * mailto links. Everything else, HTML included, stays text: nothing is ever parsed as HTML.
 */

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\s][^*\n]*\*)|(_[^_\s][^_\n]*_)|(\[[^\]\n]+\]\([^)\s]+\))/g;
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export const renderInline = (text: string, keyPrefix: string): ReactNode[] => {
  const out: ReactNode[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index ?? 0;
    if (start > last) out.push(text.slice(last, start));
    const token = match[0];
    const key = `${keyPrefix}-${index++}`;
    if (match[1]) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (match[2]) out.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (match[3] || match[4]) out.push(<em key={key}>{token.slice(1, -1)}</em>);
    else {
      const split = token.indexOf('](');
      const label = token.slice(1, split);
      const url = token.slice(split + 2, -1);
      out.push(
        SAFE_URL.test(url) ? (
          <a key={key} href={url} rel="noopener noreferrer nofollow" target="_blank">
            {label}
          </a>
        ) : (
          token
        ),
      );
    }
    last = start + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
};

type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'numbers'; items: string[] }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'code'; lines: string[] };

const BULLET = /^\s*[-*+]\s+/;
const NUMBER = /^\s*\d+[.)]\s+/;
const HEADING = /^#{1,6}\s+/;
const QUOTE = /^>\s?/;
const FENCE = /^\s*```/;

export const parseBlocks = (source: string): Block[] => {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const push = (block: Block) => blocks.push(block);
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i] ?? '')) code.push(lines[i++] ?? '');
      i++;
      push({ kind: 'code', lines: code });
      continue;
    }
    if (HEADING.test(line)) {
      push({ kind: 'heading', text: line.replace(HEADING, '') });
      i++;
      continue;
    }
    const collect = (pattern: RegExp) => {
      const items: string[] = [];
      while (i < lines.length && pattern.test(lines[i] ?? '')) items.push((lines[i++] ?? '').replace(pattern, ''));
      return items;
    };
    if (BULLET.test(line)) {
      push({ kind: 'bullets', items: collect(BULLET) });
      continue;
    }
    if (NUMBER.test(line)) {
      push({ kind: 'numbers', items: collect(NUMBER) });
      continue;
    }
    if (QUOTE.test(line)) {
      push({ kind: 'quote', lines: collect(QUOTE) });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (next.trim() === '' || FENCE.test(next) || HEADING.test(next) || BULLET.test(next) || NUMBER.test(next)) break;
      paragraph.push(next);
      i++;
    }
    push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
};

const withBreaks = (lines: readonly string[], key: string): ReactNode[] =>
  lines.map((line, index) => (
    // Lines of one block never move; their position is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    <Fragment key={`${key}-${index}`}>
      {index > 0 && <br />}
      {renderInline(line, `${key}-${index}`)}
    </Fragment>
  ));

export function SafeMarkdown({ source }: { source: string }) {
  const blocks = parseBlocks(source);
  return (
    <div className="safe-markdown" style={{ overflowWrap: 'anywhere' }}>
      {blocks.map((block, index) => {
        const key = `b${index}`;
        switch (block.kind) {
          case 'paragraph':
            return (
              <p key={key} style={{ margin: '0 0 0.5em' }}>
                {withBreaks(block.lines, key)}
              </p>
            );
          case 'heading':
            return (
              <p key={key} style={{ margin: '0 0 0.5em', fontWeight: 700 }}>
                {renderInline(block.text, key)}
              </p>
            );
          case 'bullets':
            return (
              <ul key={key} style={{ margin: '0 0 0.5em' }}>
                {block.items.map((item, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items of static text
                  <li key={n}>{renderInline(item, `${key}-${n}`)}</li>
                ))}
              </ul>
            );
          case 'numbers':
            return (
              <ol key={key} style={{ margin: '0 0 0.5em' }}>
                {block.items.map((item, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items of static text
                  <li key={n}>{renderInline(item, `${key}-${n}`)}</li>
                ))}
              </ol>
            );
          case 'quote':
            return (
              <blockquote key={key} style={{ margin: '0 0 0.5em', paddingLeft: 12, borderLeft: '3px solid #adb5bd' }}>
                {withBreaks(block.lines, key)}
              </blockquote>
            );
          case 'code':
            return (
              <pre key={key} style={{ margin: '0 0 0.5em', whiteSpace: 'pre-wrap', background: '#f1f3f5', padding: 8 }}>
                <code>{block.lines.join('\n')}</code>
              </pre>
            );
        }
        return null;
      })}
    </div>
  );
}
