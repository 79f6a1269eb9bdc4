import { DepartmentQuery, IdParams, itemsOf } from '../schemas/api';
import { View, ViewCount } from '../schemas/view';
import { resource } from './contract';

export const views = resource('views', 'views', {
  list: { method: 'get', path: '/views', summary: 'Saved ticket views, including "all departments"', query: DepartmentQuery, response: itemsOf(View) },
  count: {
    method: 'get',
    path: '/views/:id/count',
    summary: 'How many live tickets the view matches now: what "select all in this view" takes',
    params: IdParams,
    response: ViewCount,
  },
});
