const told = new Set<string>();

/**
 * An enumerated attribute's value when it is one of `allowed`, else the first of them (the default),
 * and the site's developer told once in the console which element and attribute, and the choices.
 */
export function oneOf<T extends string>(element: Element, attribute: string, value: string | undefined, allowed: readonly T[]): T {
  if (!value || allowed.includes(value as T)) return (value || allowed[0]) as T;
  const text = `<${element.localName}> ${attribute}="${value}"? Use ${allowed.join(', ')} (${allowed[0]} for now)`;
  if (!told.has(text)) console.warn(text);
  told.add(text);
  return allowed[0]!;
}
