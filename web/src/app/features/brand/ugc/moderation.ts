/** "Delivery, tea , ,Gift" → ["delivery", "tea", "gift"]: what the tag field sends. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** The highlighted words, only when the whole highlight lies inside `container`. */
export function selectedExcerpt(
  selection: Pick<Selection, 'rangeCount' | 'toString' | 'getRangeAt'> | null,
  container: Node,
): string | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (
    !container.contains(range.startContainer) ||
    !container.contains(range.endContainer)
  )
    return null;
  const text = selection.toString().trim();
  return text.length > 0 ? text : null;
}
