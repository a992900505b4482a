import { browser } from '../platform/browser';

interface FirefoxSidebarAction {
  toggle(): Promise<void>;
}

/**
 * The toolbar button opens the full app in the browser's side panel: Chrome's `side_panel` opens
 * on click by itself; Firefox's `sidebar_action` is toggled from the click.
 */
export function openAppFromToolbar(): void {
  const firefoxSidebar = (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
  if (firefoxSidebar) {
    browser.action.onClicked.addListener(() => void firefoxSidebar.toggle());
    return;
  }
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
}
