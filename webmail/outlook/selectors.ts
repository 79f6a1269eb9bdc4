import type { SelectorList } from '../dom-query';

/*
 * Every selector the Outlook on the web adapter uses (outlook.office.com, outlook.office365.com,
 * outlook.live.com, outlook.cloud.microsoft), best first. Outlook's class names are generated and
 * change with each deployment: none appears here. What is left is ARIA roles, data attributes,
 * element ids and title attributes. Entries dated 2026-12 were written from public extensions that
 * read Outlook's page (fperezdev/wd-extension-poc src/lib/consts.ts: MailReadCompose, listbox rows
 * with data-convid; lennarto/outlook-web-copy-link: every outlook.* host) and Microsoft's account
 * manager ids (mectrl_*), found through the project's search tool; each has a fallback after it.
 */

/**
 * The account manager button in the top bar; its aria-label ends with the signed-in address
 * ("Account manager for Acme Support support@acme.test"). The id-based entries survive a translated
 * label. Last checked against the real page: 2026-11.
 */
export const ACCOUNT_BUTTON: SelectorList = ['button[aria-label*="Account manager for"]', 'button#mectrl_main_trigger[aria-label]', 'button#O365_MainLink_Me[aria-label]'];

/**
 * The account manager's own lines, kept in the page once it has been drawn: the address is the
 * secondary line (Outlook.com and Microsoft 365 alike), the display name the primary one. Written
 * 2026-12 from the mectrl_* ids of Microsoft's account manager; fallback: any title in the flyout.
 */
export const ACCOUNT_MANAGER_ADDRESS: SelectorList = ['#mectrl_currentAccount_secondary', '#mectrl_accountList [title]'];

/**
 * The folder pane's account root: the tree's top level node names the mailbox, by its address as
 * title or text (the new Outlook shows the address there even when the top bar shows the name only).
 * Written 2026-12; fallback: a level-1 tree item anywhere in the navigation.
 */
export const FOLDER_ROOT: SelectorList = ['[role="tree"] [role="treeitem"][aria-level="1"]', '[role="navigation"] [aria-level="1"]'];

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
 * A row's own checkbox: checked only for what the agent selected. aria-selected on the row also
 * marks the conversation that is merely open (issue 19, item 11), so selection is read from here.
 * Last checked against the real page: 2026-11; fallback: a checkbox input.
 */
export const ROW_CHECKBOX: SelectorList = ['[role="checkbox"][aria-checked]', 'input[type="checkbox"]'];

/**
 * The list header's "select all" checkbox. Written 2026-12 (Outlook's list header, aria-label
 * "Select all"); fallback: the same checkbox named by its title.
 */
export const SELECT_ALL: SelectorList = ['[role="checkbox"][aria-label^="Select all"]', '[role="checkbox"][title^="Select all"]'];

/**
 * What the reading pane shows instead of a conversation while several are selected ("250 items
 * selected"): its first number is Outlook's own count, beyond the rows the virtualised list has
 * drawn. Written 2026-12; fallback: a live status region of the reading pane.
 */
export const SELECTION_COUNT: SelectorList = ['[data-app-section="MailReadCompose"] [data-testid="SelectionCount"]', '[data-app-section="MailReadCompose"] [role="status"]'];

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

/**
 * One message of the open conversation, expanded or collapsed: the items of the reading pane's
 * message list. A collapsed one shows its sender, date and a preview, never its recipients.
 * Written 2026-12; fallback: the message regions themselves.
 */
export const MESSAGE_ITEM: SelectorList = ['[role="list"] > [role="listitem"]', '[role="region"][aria-label="Email message"]'];

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
 * (aria-selected, a row's checkbox's aria-checked), a message expanding (aria-expanded) and conversation ids appearing. Outlook's generated class names change on hover and
 * focus, so class is not one of them. Last checked against the real page: 2026-11.
 */
export const WATCHED_ATTRIBUTES: readonly string[] = ['aria-selected', 'aria-checked', 'aria-expanded', 'data-convid'];
