import type { DepartmentName } from './people';

/**
 * What customers write about, per department. The first message and first answer are specific to
 * the topic; later turns come from the generic follow-ups so 320 tickets need only this much text.
 */
export interface Topic {
  subject: string;
  lang: 'en' | 'ja';
  category: string;
  product?: string;
  tags: string[];
  ask: string;
  answer: string;
  resolution: string;
  /** Refund requests are the ones the Billing "Refund approval" blueprint governs. */
  refund?: boolean;
}

export const TOPICS: Record<DepartmentName, readonly Topic[]> = {
  Support: [
    {
      subject: 'Dashboard down — 502 Bad Gateway since 9:00',
      lang: 'en',
      category: 'Outage',
      product: 'Cloud Dashboard',
      tags: ['outage', 'p1'],
      ask: 'Our whole team gets a 502 Bad Gateway when opening the dashboard since about 9:00 this morning. We cannot process any orders until this works again. Is there a known incident?',
      answer:
        'Thank you for reporting this. We confirmed an incident on one of our load balancers and our engineers are rolling out a fix now. I will update you as soon as the dashboard is fully available again.',
      resolution: 'Load balancer in eu-west failed over incorrectly; traffic was moved to healthy nodes and the faulty node replaced.',
    },
    {
      subject: 'Password reset email never arrives',
      lang: 'en',
      category: 'Account access',
      product: 'Cloud Dashboard',
      tags: ['password', 'login'],
      ask: 'I requested a password reset three times in the last hour but no email arrived, not even in the spam folder. Could you reset it for me or tell me what is wrong?',
      answer:
        'I checked our mail logs: your mail server rejected the reset messages as bulk mail. I have sent a new reset link from a different route; it is valid for 30 minutes. If it does not show up, please allow our domain in your mail filter.',
      resolution: 'Customer mail gateway rejected reset emails; sent a new link and asked them to allow-list our sending domain.',
    },
    {
      subject: 'Locked out after changing phone (2FA)',
      lang: 'en',
      category: 'Account access',
      product: 'Mobile App',
      tags: ['2fa', 'login'],
      ask: 'I replaced my phone and my authenticator app codes are gone. I no longer have the recovery codes either. How can I get back into my account?',
      answer:
        'For your security we need to verify your identity before removing two-factor authentication. Please reply from the account email address with the last four digits of the card on file and the date of your last invoice.',
      resolution: 'Identity verified; 2FA reset and customer re-enrolled a new device.',
    },
    {
      subject: 'CSV export stops at 10,000 rows',
      lang: 'en',
      category: 'Bug',
      product: 'Cloud Dashboard',
      tags: ['export', 'bug'],
      ask: 'When I export our order history to CSV the file always ends after 10,000 rows, but we have about 48,000 orders this year. Is there a limit, and how do I get the full export?',
      answer:
        'The synchronous export is capped at 10,000 rows. Please use "Schedule export" in the same menu: it runs in the background and emails you a download link for the complete file.',
      resolution: 'Explained the 10k synchronous limit; customer used the scheduled export for the full history.',
    },
    {
      subject: 'API returns 429 Too Many Requests',
      lang: 'en',
      category: 'Integration',
      product: 'Public API',
      tags: ['api', 'rate-limit'],
      ask: 'Our nightly sync started failing with HTTP 429 responses after about 600 requests. We did not change anything on our side. What are the current rate limits?',
      answer:
        'Your plan allows 600 requests per minute. Your sync sends them in one burst; if you honour the Retry-After header or spread the calls over two minutes the errors will stop. Batch endpoints can also reduce the number of calls by 90%.',
      resolution: 'Customer added Retry-After handling and switched to the batch endpoint.',
    },
    {
      subject: 'Mobile app crashes on startup after update',
      lang: 'en',
      category: 'Bug',
      product: 'Mobile App',
      tags: ['mobile', 'crash', 'bug'],
      ask: 'Since updating the app to version 5.2 this morning it closes immediately when I open it. I am on Android 14. Reinstalling did not help.',
      answer:
        'Thank you for the details. This is a known issue in 5.2 on some Android 14 devices and a fix (5.2.1) is in review with Google Play. Until then the web version works normally on your phone browser.',
      resolution: 'Fixed in app version 5.2.1; customer confirmed the app starts again.',
    },
    {
      subject: 'SSO login loops back to the sign-in page',
      lang: 'en',
      category: 'Integration',
      product: 'Cloud Dashboard',
      tags: ['sso', 'login'],
      ask: 'After we enabled single sign-on with our identity provider, users are redirected back to the sign-in page endlessly. The SAML response looks valid to us.',
      answer:
        'The assertion you sent uses a NameID format we do not accept. Please switch it to emailAddress in your identity provider and make sure the clock on the IdP server is in sync; a skew of more than 3 minutes also causes this loop.',
      resolution: 'IdP NameID format changed to emailAddress; SSO works.',
    },
    {
      subject: 'ログインできません',
      lang: 'ja',
      category: 'Account access',
      product: 'Cloud Dashboard',
      tags: ['login', 'japanese'],
      ask: '本日朝から管理画面にログインできなくなりました。パスワードは正しいはずですが「認証に失敗しました」と表示されます。至急確認をお願いいたします。',
      answer:
        'ご不便をおかけしており申し訳ございません。お客様のアカウントが連続したログイン失敗により一時的にロックされておりました。ロックを解除いたしましたので、再度ログインをお試しください。',
      resolution: 'ログイン失敗によるアカウントロックを解除。',
    },
    {
      subject: 'パスワード再設定メールが届かない',
      lang: 'ja',
      category: 'Account access',
      product: 'Cloud Dashboard',
      tags: ['password', 'japanese'],
      ask: 'パスワードの再設定を何度か申請しましたが、メールが届きません。迷惑メールフォルダも確認済みです。対応方法を教えていただけますでしょうか。',
      answer:
        'お問い合わせありがとうございます。お客様のメールサーバーで当社からのメールが受信拒否されていることを確認いたしました。別経路で再設定用のリンクをお送りしましたので、ご確認をお願いいたします。',
      resolution: '受信拒否設定が原因。別経路で再設定リンクを送付。',
    },
    {
      subject: '通知メールの文字化けについて',
      lang: 'ja',
      category: 'Bug',
      product: 'Cloud Dashboard',
      tags: ['notifications', 'japanese'],
      ask: 'システムから届く通知メールの件名が文字化けしています。社内の複数の担当者で同じ現象が起きています。',
      answer:
        'ご連絡ありがとうございます。一部のメールソフトで件名のエンコードが正しく解釈されない不具合を確認しました。修正版を本日リリースいたしましたので、今後の通知では解消される見込みです。',
      resolution: '件名のエンコード不具合を修正しリリース済み。',
    },
  ],
  Billing: [
    {
      subject: 'Refund for annual plan bought by mistake',
      lang: 'en',
      category: 'Refund',
      product: 'Business plan',
      tags: ['refund'],
      refund: true,
      ask: 'I meant to buy the monthly plan but was charged for a full year. Could you refund the annual payment and switch me to monthly billing?',
      answer:
        'I have submitted your refund request for approval. Once approved, the refund reaches your card within 5–10 business days and your subscription switches to monthly billing from today.',
      resolution: 'Annual payment refunded in full; subscription switched to monthly.',
    },
    {
      subject: 'Charged twice for the same invoice',
      lang: 'en',
      category: 'Refund',
      product: 'Business plan',
      tags: ['refund', 'double-charge'],
      refund: true,
      ask: "My card statement shows two identical charges for this month's invoice. Please refund the duplicate payment.",
      answer:
        'You are right — our payment provider retried a payment that had in fact succeeded. The duplicate charge has been sent for refund approval; you will get a confirmation email once it is processed.',
      resolution: 'Duplicate charge refunded; payment retry bug reported to the payment provider.',
    },
    {
      subject: 'Refund request after cancellation',
      lang: 'en',
      category: 'Refund',
      product: 'Starter plan',
      tags: ['refund', 'cancellation'],
      refund: true,
      ask: 'I cancelled my subscription on the 2nd but was still charged on the 5th. I would like a refund for this last payment.',
      answer:
        'I can see your cancellation was registered after the billing run had already started. I have requested a refund of the last payment; our billing lead approves refunds daily.',
      resolution: 'Refund approved for the payment taken after cancellation.',
    },
    {
      subject: 'Invoice needs our VAT number',
      lang: 'en',
      category: 'Invoice',
      tags: ['invoice', 'vat'],
      ask: 'Our accounting department cannot book the last invoice because our VAT ID is missing. Could you issue a corrected invoice with VAT number DE123456789?',
      answer: 'I have added your VAT ID to the account and issued a corrected invoice, attached to this message. Future invoices will show the VAT ID automatically.',
      resolution: 'VAT ID added to the billing profile; corrected invoice issued.',
    },
    {
      subject: 'Card declined when renewing subscription',
      lang: 'en',
      category: 'Payment',
      tags: ['payment', 'card'],
      ask: 'Our renewal failed with "card declined" although the card works everywhere else. We do not want the account to be suspended.',
      answer:
        'The bank declined the charge with the code "do not honor", which usually means an international payment block. Please ask your bank to allow the payment or add another card in Billing → Payment methods; your account stays active for 14 more days.',
      resolution: 'Customer added a new card; renewal succeeded.',
    },
    {
      subject: 'Question about prorated charge after upgrade',
      lang: 'en',
      category: 'Plan change',
      product: 'Business plan',
      tags: ['upgrade', 'proration'],
      ask: 'We upgraded from Starter to Business in the middle of the month and got an invoice with an amount I do not understand. Can you explain the calculation?',
      answer:
        'When you upgrade we credit the unused days of the Starter plan and charge the Business plan for the rest of the month. The invoice lines show both items; the difference is the amount you paid.',
      resolution: 'Explained proration; no change needed.',
    },
    {
      subject: '請求書の再発行について',
      lang: 'ja',
      category: 'Invoice',
      tags: ['invoice', 'japanese'],
      ask: '先月分の請求書の宛名を「株式会社」付きの正式名称に変更のうえ、再発行していただくことは可能でしょうか。経理処理の都合上、今週中に必要です。',
      answer: 'お問い合わせいただきありがとうございます。宛名を正式名称に変更した請求書を再発行し、本メールに添付いたしました。今後の請求書にも同じ宛名が反映されます。',
      resolution: '宛名を修正した請求書を再発行。',
    },
    {
      subject: '二重請求の返金をお願いします',
      lang: 'ja',
      category: 'Refund',
      product: 'Business plan',
      tags: ['refund', 'japanese'],
      refund: true,
      ask: '今月のご利用料金が2回引き落とされています。重複分の返金をお願いできますでしょうか。',
      answer: 'ご迷惑をおかけし申し訳ございません。重複した請求を確認いたしましたので、返金の承認手続きを進めております。承認後、5〜10営業日でカード会社経由で返金されます。',
      resolution: '重複請求分を返金済み。',
    },
    {
      subject: '領収書の宛名変更のお願い',
      lang: 'ja',
      category: 'Invoice',
      tags: ['receipt', 'japanese'],
      ask: '領収書の宛名を個人名から会社名に変更していただきたいです。対応可能でしょうか。',
      answer: 'ご連絡ありがとうございます。請求先情報の会社名を更新し、変更後の領収書を再発行いたしました。管理画面の「請求」からもダウンロードいただけます。',
      resolution: '請求先の会社名を更新し領収書を再発行。',
    },
  ],
  Returns: [
    {
      subject: 'Package arrived damaged',
      lang: 'en',
      category: 'Shipping damage',
      product: 'Lumo Desk Lamp',
      tags: ['damaged', 'shipping'],
      ask: "The box was crushed when it arrived and the lamp's base is cracked. I have photos of the packaging and the product. What do I need to do to get a replacement?",
      answer:
        'I am sorry your lamp arrived damaged. Thank you for the photos — that is all we need. A replacement ships today and you will receive a prepaid return label for the broken one.',
      resolution: 'Replacement shipped; carrier damage claim filed with the photos.',
    },
    {
      subject: 'Wrong item in my order',
      lang: 'en',
      category: 'Wrong item',
      product: 'Wireless Earbuds E5',
      tags: ['wrong-item'],
      ask: 'I ordered the black E5 earbuds but received the white ones. I would like to exchange them for the colour I ordered.',
      answer: 'Apologies for the mix-up. I have reserved a black pair for you; it ships as soon as the carrier scans the return label I have attached to this message.',
      resolution: 'Exchanged for the correct colour.',
    },
    {
      subject: 'Return label request',
      lang: 'en',
      category: 'Return',
      product: 'Trail Backpack 30L',
      tags: ['return-label'],
      ask: 'I would like to return the backpack — it is unused and still has its tags. Could you send me a return label?',
      answer:
        'Of course. Your prepaid return label is attached. Please drop the parcel at any post office within 14 days; the refund is issued once the warehouse has checked the item.',
      resolution: 'Return received and refunded to the original payment method.',
    },
    {
      subject: 'Where is my refund for the returned item?',
      lang: 'en',
      category: 'Return',
      tags: ['refund-status'],
      ask: 'I returned my order two weeks ago and the tracking shows it was delivered to you, but I have not received my refund yet.',
      answer:
        'Your return was checked by our warehouse yesterday and the refund was issued this morning. Depending on your bank it appears on your statement within 3–5 business days.',
      resolution: 'Refund issued after warehouse inspection.',
    },
    {
      subject: 'Missing parts in the box',
      lang: 'en',
      category: 'Missing parts',
      product: 'Smart Thermostat T2',
      tags: ['missing-parts'],
      ask: 'The thermostat box did not contain the wall mounting plate and screws. Can you send them separately?',
      answer: 'Thank you for letting us know. A mounting kit is on its way to you by standard post; no need to return anything.',
      resolution: 'Mounting kit sent separately.',
    },
    {
      subject: 'Exchange for a larger size',
      lang: 'en',
      category: 'Exchange',
      product: 'Trail Backpack 30L',
      tags: ['exchange'],
      ask: 'The 30L backpack is a bit too small for me. Can I exchange it for the 40L version and pay the difference?',
      answer: 'Yes — I have created an exchange order for the 40L model. You will receive a payment link for the difference and a return label for the 30L.',
      resolution: 'Exchanged for the 40L model; difference paid.',
    },
    {
      subject: '届いた商品が破損していました',
      lang: 'ja',
      category: 'Shipping damage',
      product: 'Lumo Desk Lamp',
      tags: ['damaged', 'japanese'],
      ask: '本日届いたデスクライトの台座にひびが入っていました。外箱も大きくへこんでいます。交換をお願いできますでしょうか。',
      answer: 'この度はご迷惑をおかけし大変申し訳ございません。代替品を本日発送いたします。破損品は同封の着払い伝票にてご返送ください。',
      resolution: '代替品を発送し、配送業者へ補償申請済み。',
    },
    {
      subject: '商品の返品方法を教えてください',
      lang: 'ja',
      category: 'Return',
      product: 'Wireless Earbuds E5',
      tags: ['return-label', 'japanese'],
      ask: '購入したイヤホンがサイズに合わなかったため返品したいです。未開封です。手続き方法を教えてください。',
      answer: 'お問い合わせありがとうございます。返品用の伝票を添付いたしました。14日以内にお近くの郵便局からご発送ください。到着確認後、返金いたします。',
      resolution: '返品受領後に返金済み。',
    },
  ],
};

/** Sender spam: the reason R-BULK-12 exists. */
export const SPAM_SUBJECTS = [
  'Boost your SEO ranking by 300% — limited offer',
  'Congratulations! You have won a $500 gift card',
  'Partnership opportunity: guaranteed backlinks',
  'Final notice: claim your reward today',
];
export const SPAM_BODY =
  'Dear business owner, we have selected your website for an exclusive promotion. Click the link below within 24 hours to claim your reward. Reply STOP to unsubscribe.';
