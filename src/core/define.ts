/**
 * Defines a custom element once. Two copies of hearth on one page (a CDN script and an npm bundle)
 * must not throw "name already used"; the first definition wins.
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
