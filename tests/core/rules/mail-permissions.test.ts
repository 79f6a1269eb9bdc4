import { describe, expect, it } from 'vitest';
import { checkMayHandOutIn } from '../../../core/rules/admin-scope';
import { checkJobPermissions } from '../../../core/rules/job-request';
import { bulkReplyHistoryDepartmentIds, checkMayControlJob, checkMaySendMail, type AgentAccess } from '../../../core/rules/permissions';
import { OK, violation } from '../../../core/rules/verdict';

const access: AgentAccess = {
  agentId: 1,
  departments: [
    { departmentId: 1, departmentName: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.bulk_reply', 'settings.manage'] },
    { departmentId: 2, departmentName: 'Billing', permissions: ['ticket.view', 'ticket.edit'] },
  ],
};
const messages = (v: ReturnType<typeof checkMaySendMail>) => (v.ok ? [] : v.violations.map((x) => `${x.rule} ${x.message}`));

describe('R-PERM-4/5 mail needs ticket.send_email', () => {
  it('a reply needs send_email; a bulk reply bulk_reply too; each missing one is named', () => {
    expect(checkMaySendMail(access, 1, true)).toEqual(OK);
    expect(messages(checkMaySendMail(access, 2, false))).toEqual([
      'R-PERM-5 You need the permission ticket.send_email in department Billing (ask an admin to grant it to your role).',
    ]);
    // R-PERM-4 first: a bulk reply never goes without send_email, whatever else is granted.
    expect(messages(checkMaySendMail(access, 2, true))).toEqual([
      'R-PERM-4 A bulk reply needs ticket.send_email as well as ticket.bulk_reply in department Billing, and you lack ticket.send_email there.',
      expect.stringContaining('ticket.send_email'),
      expect.stringContaining('ticket.bulk_reply'),
    ]);
  });

  it('a job that sends mail asks for send_email; a macro only when it has a reply step', () => {
    const reply = checkJobPermissions(access, 'reply', 'bulk', [2]);
    expect(reply.ok ? [] : reply.violations.map((v) => `${v.rule} ${v.message}`)).toEqual([
      expect.stringMatching(/^R-PERM-4 A bulk reply needs ticket.send_email/),
      expect.stringMatching(/^R-PERM-5 .*ticket.send_email/),
      expect.stringMatching(/^R-PERM-5 .*ticket.bulk_reply/),
    ]);
    expect(checkJobPermissions(access, 'macro', 'bulk', [2]).ok).toBe(true);
    expect(checkJobPermissions(access, 'macro', 'bulk', [2], true).ok).toBe(false);
  });

  it('bulk-reply history: departments where the agent views tickets and holds bulk_reply', () => {
    expect(bulkReplyHistoryDepartmentIds(access)).toEqual([1]);
  });
});

describe("R-PERM-5 controlling another agent's job", () => {
  it('its own agent always; a manager of its department; anyone else hears which permission is missing', () => {
    expect(checkMayControlJob(access, { id: 9, initiatorId: 1, departmentId: 2 }, 'cancel')).toEqual(OK);
    expect(checkMayControlJob(access, { id: 9, initiatorId: 5, departmentId: 1 }, 'resend')).toEqual(OK);
    const refused = checkMayControlJob(access, { id: 9, initiatorId: 5, departmentId: 2 }, 'cancel');
    expect(messages(refused)).toEqual([
      'R-PERM-5 Job 9 was started by another agent: to cancel it you need the permission settings.manage in department Billing (or ask the agent who started it).',
    ]);
    expect(checkMayControlJob(access, { id: 9, initiatorId: 5, departmentId: null }, 'cancel').ok).toBe(false);
  });
});

describe('R-PERM-3 before R-PERM-5', () => {
  it('puts the admin-only refusal first, keeping the missing settings.manage', () => {
    const verdict = checkMayHandOutIn(access, 2, violation('R-PERM-3', 'perm.createDepartment', {}));
    expect(verdict.ok ? [] : verdict.violations.map((v) => v.rule)).toEqual(['R-PERM-3', 'R-PERM-5']);
    expect(checkMayHandOutIn(access, 1, OK)).toEqual(OK);
  });
});
