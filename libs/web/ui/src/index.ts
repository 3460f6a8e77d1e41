export { NoticeComponent, type NoticeKind } from './lib/notice/notice.component';
export { LiveRegionComponent } from './lib/live-region/live-region.component';
export { EmptyStateComponent } from './lib/empty-state/empty-state.component';
export { LoadErrorComponent } from './lib/load-error/load-error.component';
export { TranslatedPaginatorIntl } from './lib/paginator/translated-paginator-intl';
export { provideTranslatedPaginator } from './lib/paginator/provide-translated-paginator';
export { TableScrollComponent } from './lib/table-scroll/table-scroll.component';
export { LocaleSwitchComponent } from './lib/locale-switch/locale-switch.component';
