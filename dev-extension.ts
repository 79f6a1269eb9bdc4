/**
 * Development and test builds carry this public key so the unpacked extension always gets the same
 * id, which the backend's CORS list can name. Production builds leave it out: the store assigns the id.
 */
export const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtX02rcdN3Ql3zsbMh4yzjkrSXmCfCFGCxXzsvg0QLDCeXo/GSE7gzjaS4uTR1vZwv+t0s5Roe4ikTNBuL9d7Ckq5rPorZ7FHiTHMyLzWKjur1neMzwmdQN1xXDTI1EkiIsL++C9nc83GmsVaJxHbv5J5uPI4g4XSf/03cIsOennPexaxxrLdh4LhU56bw/LfPE+L/FXiGNC8lnzwzU3Ey6nw4Ph03qPQzzSPt0wFmXbiMD71MFan/l3YoHIYreZttM/3YQZytVmp5jSV3ENYvYoqy+cxwrR0BvCMCyiMrluyuK1r9BuzePoRwacAsMpkG/H+0LlxnwlvyiOl9Hql0QIDAQAB';

/** Chrome's id for DEV_EXTENSION_KEY (first 128 bits of its SHA-256, hex digits mapped to a–p). */
export const DEV_EXTENSION_ID = 'ckhbcaicpildcnghnhgmdihilncmcemm';

export const DEV_EXTENSION_ORIGIN = `chrome-extension://${DEV_EXTENSION_ID}`;
