/**
 * The HTML template layer of the server-rendered pages: a tagged template `html\`…\`` whose
 * interpolations are ESCAPED unless they are themselves `html` fragments. Escaping is the default, so
 * a page cannot forget it (Deliver 6 of the portal issue); the only way round it is `raw()`, kept for
 * HTML that went through the one sanitiser (an item's body) or that another renderer produced.
 */
import { escapeHtml } from '../../core/escape-html.js';

const FRAGMENT = Symbol('html-fragment');

/** A piece of HTML that is already safe to put in a page (made by `html` or `raw`). */
export interface Html {
  readonly [FRAGMENT]: true;
  /** The HTML text. */
  readonly text: string;
  toString(): string;
}

/** What may be interpolated: text and numbers are escaped; fragments are kept; arrays are joined; null/undefined/false → nothing. */
export type HtmlValue = Html | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

function fragment(text: string): Html {
  return { [FRAGMENT]: true, text, toString: () => text };
}

/** Whether a value is an HTML fragment (not text to be escaped). */
export function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && (value as Html)[FRAGMENT] === true;
}

function piece(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (isHtml(value)) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

/** The tagged template: `html\`<p>${title}</p>\`` escapes `title` unless it is a fragment. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += piece(values[i]!) + strings[i + 1]!;
  return fragment(out);
}

/**
 * Marks HTML as safe WITHOUT escaping. Only for HTML that went through the sanitiser (an item's stored
 * body, src/security) or that a trusted renderer produced (the report's HTML, the page's own CSS).
 */
export function raw(trustedHtml: string): Html {
  return fragment(trustedHtml);
}

/** Joins fragments (or texts, escaped) with a separator. */
export function join(values: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  const sep = piece(separator);
  return fragment(values.map(piece).join(sep));
}
