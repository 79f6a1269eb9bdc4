import { createPinia } from 'pinia';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AdminAnswer, AdminCall, AdminContractName, AdminOutput } from '../../core/contracts/admin';
import type { Agent } from '../../core/schemas/agent';
import type { ConnectionStatus } from '../../core/schemas/messages';
import type { Permission, RoleKind } from '../../core/schemas/role';
import { fakeBackground, Refusal, type Answers } from './fake-background';

/** What the signed-in agent may do in one department. */
export interface DepartmentGrant {
  id: number;
  name?: string;
  permissions: Permission[];
  role?: { id: number; name: string; kind: RoleKind };
}

export const SIGNED_IN: Agent = { id: 1, email: 'ada@example.com', name: 'Ada Admin', active: true };

/** A connected extension whose agent holds these permissions, department by department (what stores/session.ts reads). */
export function connectionStatus(departments: DepartmentGrant[], agent: Agent = SIGNED_IN): ConnectionStatus {
  return {
    configured: true,
    backendUrl: 'https://desk.example.com',
    lastSyncAt: null,
    lastError: null,
    me: {
      agent,
      departments: departments.map((d) => ({
        departmentId: d.id,
        departmentName: d.name ?? `Department ${d.id}`,
        role: d.role ?? { id: 1, name: 'Admin', kind: 'admin' },
        permissions: d.permissions,
      })),
    },
  };
}

export type AdminAnswers = { [K in AdminContractName]?: (call: AdminCall) => AdminOutput<K> | Promise<AdminOutput<K>> };

/**
 * A background signed in as `status` that answers each admin console operation from `ops`
 * (throw a Refusal to refuse one). Earlier fakes are dropped first, since the first listener
 * to answer wins. Returns the admin calls received, in order.
 */
export function fakeAdminBackground(status: ConnectionStatus, ops: AdminAnswers, others: Answers = {}): AdminCall[] {
  fakeBrowser.reset();
  const calls: AdminCall[] = [];
  fakeBackground({
    'connection.status': () => status,
    'directory.get': () => ({ departments: [], agents: [], teams: [] }),
    ...others,
    'admin.call': (call) => {
      calls.push(call);
      const answer = ops[call.op] as ((call: AdminCall) => AdminAnswer | Promise<AdminAnswer>) | undefined;
      if (!answer) throw new Refusal({ code: 'INTERNAL', message: `No fake answer for ${call.op}` });
      return answer(call);
    },
  });
  return calls;
}

/** Mount options giving the component a fresh Pinia, so each test has its own session store. */
export const withPinia = () => ({ global: { plugins: [createPinia()] } });

/** An answer held back until the test lets it go, to see what the screen does while a call is on its way. */
export function heldAnswer<T>() {
  let release!: (value: T) => void;
  let refuse!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    release = resolve;
    refuse = reject;
  });
  return { promise, release, refuse };
}
