/**
 * The small tab at the page's right edge that opens and closes the sidebar. It lives in a shadow
 * root, so the page's CSS cannot restyle it. It carries no CRM data, only the word "Sidecar", so
 * the root is open: assistive tools and tests can reach the button.
 */
export function createLauncher(onToggle: () => void): { element: HTMLElement; setOpen(open: boolean): void } {
  const host = document.createElement('sidecar-launcher');
  host.style.all = 'initial';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    button { position: fixed; top: 40%; right: 0; z-index: 2147483647; writing-mode: vertical-rl;
      padding: 12px 6px; border: 0; border-radius: 8px 0 0 8px; background: #0b5cab; color: #fff;
      font: 600 12px/1 system-ui, sans-serif; letter-spacing: .04em; cursor: pointer;
      box-shadow: -2px 2px 8px rgb(0 0 0 / .2); }
    button[aria-expanded="true"] { right: 380px; }
    button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Sidecar';
  button.title = 'Show or hide Sidecar (Alt+Shift+S)';
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', onToggle);
  shadow.append(style, button);
  return {
    element: host,
    setOpen(open) {
      button.setAttribute('aria-expanded', String(open));
      button.setAttribute('aria-label', open ? 'Hide Sidecar' : 'Show Sidecar');
    },
  };
}
