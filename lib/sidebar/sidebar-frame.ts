import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';

export const SIDEBAR_FRAME_ID = 'sidecar-sidebar-frame';
export const SIDEBAR_WIDTH_PX = 380;

/**
 * The sidebar itself: Sidecar's own extension page in an iframe. The page's scripts cannot read
 * into it (another origin), so the rep's CRM data never enters the host page's DOM.
 */
export function createSidebarFrame(ctx: ContentScriptContext) {
  return createIframeUi(ctx, {
    page: '/sidebar.html',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    onMount(wrapper, iframe) {
      iframe.id = SIDEBAR_FRAME_ID;
      iframe.title = 'Sidecar';
      Object.assign(wrapper.style, {
        position: 'fixed', top: '0', right: '0', bottom: '0', width: `${SIDEBAR_WIDTH_PX}px`,
        zIndex: '2147483646', boxShadow: '-4px 0 16px rgb(0 0 0 / .15)', background: '#fff',
      });
      Object.assign(iframe.style, { border: '0', width: '100%', height: '100%', display: 'block' });
    },
  });
}
