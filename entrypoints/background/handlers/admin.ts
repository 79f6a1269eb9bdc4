import { adminContracts, type AdminAnswer } from '../../../core/contracts/admin';
import type { Contract } from '../../../core/contracts/contract';
import type { Handlers } from '../router';
import { callNamed } from '../services';

/**
 * Admin console calls go straight to the backend: an admin is at the page to read a refusal and
 * try again. The client checks the call's parts against the contract before anything is sent.
 */
export const adminHandlers: Handlers<'admin.call'> = {
  'admin.call': ({ op, params, query, body }) => {
    const contract: Contract = adminContracts[op];
    // Parsed with the response schema of the contract `op` names, so it is that contract's answer.
    return callNamed(contract, { params, query, body }) as Promise<AdminAnswer>;
  },
};
