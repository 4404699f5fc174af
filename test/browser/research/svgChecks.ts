/** Every attribute value in the subtree that spells NaN or Infinity (a broken scale or an unguarded datum). */
export function nonFiniteAttributes(root: Element): string[] {
  const bad: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of el.attributes) {
      if (/NaN|Infinity/.test(a.value)) bad.push(`<${el.tagName} ${a.name}="${a.value.slice(0, 60)}">`);
    }
  }
  return bad;
}

/** Load the app's stylesheet into the test page, so screenshots look like the app. */
export function loadAppCss(): void {
  if (document.querySelector('link[data-app-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/app.css';
  link.dataset.appCss = '';
  document.head.append(link);
}
