import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSidebar } from '../../lib/sidebar/run-sidebar';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/platform/manifest';

export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES.gmail],
  // Start early: the sidebar frame then loads while the page does (bench: linkedin.sidebar.ready).
  runAt: 'document_start',
  main: (ctx) => runSidebar(ctx, 'gmail'),
});
