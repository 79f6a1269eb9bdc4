import { DepartmentQuery, IdParams, itemsOf, Removed } from '../schemas/api';
import { View, ViewCount, ViewCreate, ViewPatch } from '../schemas/view';
import { resource } from './contract';

export const views = resource('views', 'views', {
  list: {
    method: 'get',
    path: '/views',
    summary: 'Ticket views: shared ones of your departments, your own, and "all departments"; each with the kind R-BULK-4/5 judge it by now',
    query: DepartmentQuery,
    response: itemsOf(View),
  },
  count: {
    method: 'get',
    path: '/views/:id/count',
    summary: 'How many live tickets the view matches now: what "select all in this view" takes',
    params: IdParams,
    response: ViewCount,
  },
  create: {
    method: 'post',
    path: '/views',
    summary: 'Create a view: your own (ticket.view), or shared with the department (settings.manage)',
    body: ViewCreate,
    response: View,
    status: 201,
  },
  update: {
    method: 'patch',
    path: '/views/:id',
    summary: 'Rename a view or change its filter (yours, or shared with settings.manage)',
    params: IdParams,
    body: ViewPatch,
    response: View,
  },
  remove: {
    method: 'delete',
    path: '/views/:id',
    summary: 'Delete a view no job ran on (yours, or shared with settings.manage); standard views stay',
    params: IdParams,
    response: Removed,
  },
});
