export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info(`Inbox Desk installed (${reason}); connect it to a backend on the options page.`);
  });
});
