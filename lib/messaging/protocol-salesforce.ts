/** Messages about the Salesforce connection (options page): connect, disconnect, settings. */
export const SALESFORCE_MESSAGES = {} as const;
