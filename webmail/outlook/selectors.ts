import type { SelectorList } from '../dom-query';

/*
 * Every selector the Outlook on the web adapter uses (outlook.office.com, outlook.live.com), best
 * first. Outlook's class names are generated and change with each deployment: none appears here.
 * What is left is ARIA roles, data attributes, element ids and title attributes.
 */

/**
 * The account manager button in the top bar; its aria-label ends with the signed-in address
 * ("Account manager for Acme Support support@acme.test"). The id-based entries survive a translated
 * label. Last checked against the real page: 2026-11.
 */
export const ACCOUNT_BUTTON: SelectorList = ['button[aria-label*="Account manager for"]', 'button#mectrl_main_trigger[aria-label]', 'button#O365_MainLink_Me[aria-label]'];

/** The message list: a listbox of conversation options. Last checked against the real page: 2026-11. */
export const MESSAGE_LIST: SelectorList = ['[role="listbox"]'];

/**
 * The message list's section, where our selection toolbar goes; else the listbox's parent (see
 * adapter). Last checked against the real page: 2026-11.
 */
export const LIST_SECTION: SelectorList = ['[data-app-section="MessageList"]'];

/** One conversation row, its id in data-convid. Last checked against the real page: 2026-11. */
export const ROW: SelectorList = ['[role="listbox"] [role="option"][data-convid]', '[role="option"][data-convid]'];

/**
 * The visible parts of a row that carry a title: the sender (title = address), the subject (title =
 * the subject) and the date (title = the full date, text = the short one). Last checked against the real page: 2026-11.
 */
export const ROW_TITLED: SelectorList = ['span[title]'];

/** The reading pane. Last checked against the real page: 2026-11. */
export const READING_PANE: SelectorList = ['[data-app-section="MailReadCompose"]', '[role="main"]'];

/**
 * The open conversation's subject; its title holds the subject without the buttons Outlook puts
 * beside it ("Summarize"). Last checked against the real page: 2026-11.
 */
export const THREAD_HEADING: SelectorList = [
  '[role="heading"][id^="CONV_"][id$="_SUBJECT"]',
  '[role="heading"][aria-level="2"]',
  '#ConversationReadingPaneContainer [role="heading"]',
];

/**
 * A conversation id inside the reading pane, when Outlook puts one there; message-list rows are
 * excluded because the [role="main"] fallback also holds the list. Last checked against the real page: 2026-11.
 */
export const PANE_CONVERSATION: SelectorList = ['[data-convid]:not([role="option"])'];

/** One expanded message's body; its card is the closest ancestor holding MESSAGE_FROM. Last checked against the real page: 2026-11. */
export const MESSAGE_BODY: SelectorList = ['[id^="UniqueMessageBody_"]'];

/** A message's sender line. Last checked against the real page: 2026-11. */
export const MESSAGE_FROM: SelectorList = ['[id^="MSG_"][id$="_FROM"]', '[aria-label^="From:"]'];

/** A message's "To:" line. Last checked against the real page: 2026-11. */
export const MESSAGE_TO: SelectorList = ['[id^="MSG_"][id$="_TO"]', '[aria-label^="To:"]'];

/** A message's "Cc:" line. Last checked against the real page: 2026-11. */
export const MESSAGE_CC: SelectorList = ['[id^="MSG_"][id$="_CC"]', '[aria-label^="Cc:"]'];

/** A message's date; title (or text) is the full date. Last checked against the real page: 2026-11. */
export const MESSAGE_DATE: SelectorList = ['[data-testid="SentReceivedSavedTime"]', '[id^="MSG_"][id$="_DATETIME"]'];

/**
 * A person in a sender or recipient line: the name as text, the address as title (colleagues of the
 * same organisation may show a name only). Last checked against the real page: 2026-11.
 */
export const PERSONA: SelectorList = ['span[title]'];

/**
 * The attributes whose change alters what the selectors above read, for the page observer: selection
 * (aria-selected) and conversation ids appearing. Outlook's generated class names change on hover and
 * focus, so class is not one of them. Last checked against the real page: 2026-11.
 */
export const WATCHED_ATTRIBUTES: readonly string[] = ['aria-selected', 'data-convid'];
