/** The only variables a template may use; anything else is refused with its position. */
export const TEMPLATE_VARIABLES = [
  'firstName',
  'name',
  'referralLink',
  'surveyLink',
  'unsubscribeLink',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Variables whose value is a URL: the HTML part renders them as links. */
export const LINK_VARIABLES: readonly TemplateVariable[] = [
  'referralLink',
  'surveyLink',
  'unsubscribeLink',
];

export type TemplateValues = Record<TemplateVariable, string>;

export interface TemplateProblem {
  /** What was found, e.g. `{{firstname}}`. */
  token: string;
  /** 1-based line and column of the opening braces. */
  line: number;
  column: number;
  message: string;
}

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: TemplateVariable };

const VARIABLE_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/y;

function isVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

function positionOf(
  text: string,
  index: number,
): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Splits a template into text and variables, collecting every unknown or malformed placeholder. */
export function parseTemplate(text: string): {
  parts: Part[];
  problems: TemplateProblem[];
} {
  const parts: Part[] = [];
  const problems: TemplateProblem[] = [];
  let cursor = 0;
  let textStart = 0;
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor);
    if (open < 0) break;
    VARIABLE_PATTERN.lastIndex = open;
    const match = VARIABLE_PATTERN.exec(text);
    const at = positionOf(text, open);
    if (!match) {
      problems.push({
        token: text.slice(open, open + 20).split('\n')[0],
        ...at,
        message: `Unclosed "{{" at line ${at.line}, column ${at.column}; write variables as {{firstName}}`,
      });
      cursor = open + 2;
      continue;
    }
    if (open > textStart)
      parts.push({ kind: 'text', text: text.slice(textStart, open) });
    const name = match[1];
    if (isVariable(name)) parts.push({ kind: 'variable', name });
    else {
      problems.push({
        token: match[0],
        ...at,
        message: `Unknown variable ${match[0]} at line ${at.line}, column ${at.column}; use one of ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
      });
      parts.push({ kind: 'text', text: match[0] });
    }
    cursor = open + match[0].length;
    textStart = cursor;
  }
  if (textStart < text.length)
    parts.push({ kind: 'text', text: text.slice(textStart) });
  return { parts, problems };
}

export function templateProblems(text: string): TemplateProblem[] {
  return parseTemplate(text).problems;
}

/** The known variables a template uses, in order of first use. */
export function usedVariables(...texts: string[]): TemplateVariable[] {
  const used = new Set<TemplateVariable>();
  for (const text of texts)
    for (const part of parseTemplate(text).parts)
      if (part.kind === 'variable') used.add(part.name);
  return [...used];
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain-text rendering (subject lines and the text part): values as they are. */
export function renderText(text: string, values: TemplateValues): string {
  return parseTemplate(text)
    .parts.map((part) => (part.kind === 'text' ? part.text : values[part.name]))
    .join('');
}

/**
 * HTML rendering of a plain-text body: everything is escaped (template text and values alike),
 * blank lines start paragraphs, and link variables become anchors.
 */
export function renderHtml(text: string, values: TemplateValues): string {
  const html = parseTemplate(text)
    .parts.map((part) => {
      if (part.kind === 'text') return escapeHtml(part.text);
      const value = escapeHtml(values[part.name]);
      return LINK_VARIABLES.includes(part.name) &&
        /^https?:\/\//.test(values[part.name])
        ? `<a href="${value}">${value}</a>`
        : value;
    })
    .join('');
  return html
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** The first word of a name, for a friendly greeting. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** Sample values for a preview without a customer. */
export const SAMPLE_TEMPLATE_VALUES: TemplateValues = {
  firstName: 'Alex',
  name: 'Alex Morgan',
  referralLink: 'https://example.com/r/alex-friends',
  surveyLink: 'https://example.com/s/sample-survey-link',
  unsubscribeLink: 'https://example.com/unsubscribe/sample',
};

/** Every message carries a way out, even when its template forgot the link. */
export function withUnsubscribeFooter(body: string): string {
  return usedVariables(body).includes('unsubscribeLink')
    ? body
    : `${body.trimEnd()}\n\nTo stop these emails: {{unsubscribeLink}}`;
}
