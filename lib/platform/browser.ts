/**
 * The one door to the WebExtension APIs for code outside `entrypoints/`. WXT's polyfill module
 * aliases `wxt/browser`, so Chrome and Firefox get the same promise-based `browser`; unit tests
 * swap it for WXT's fake browser through the vitest plugin.
 */
export { browser } from 'wxt/browser';
export type { Browser } from 'wxt/browser';
