import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSidebar } from '../../lib/sidebar/run-sidebar';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/platform/manifest';

export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES.gmail],
  runAt: 'document_end',
  main: (ctx) => runSidebar(ctx, 'gmail'),
});
