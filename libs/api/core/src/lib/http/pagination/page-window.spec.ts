import { pageWindow, toPage } from './page-window';

describe('pageWindow', () => {
  it('starts at the first page of the default size', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 25, offset: 0 });
  });

  it('skips the rows of the pages before', () => {
    expect(pageWindow({ page: 3, pageSize: 10 })).toEqual({ page: 3, pageSize: 10, offset: 20 });
  });

  it('answers the page it was asked for with the total', () => {
    expect(toPage(['a'], 11, pageWindow({ page: 2, pageSize: 10 }))).toEqual({
      items: ['a'],
      total: 11,
      page: 2,
      pageSize: 10,
    });
  });
});
