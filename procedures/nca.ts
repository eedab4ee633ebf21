import type { Procedure } from './types';

/** NCA RK signing keys: pki.gov.kz and the egov.kz online service (seed 003). Mostly manual. */
export const NCA: readonly Procedure[] = [
  {
    id: 'nca.get-eds',
    portal: 'nca',
    steps: [
      {
        id: 'apply',
        kind: 'page',
        match: [
          // pki.gov.kz's section (egov.kz's other services mention it in their menus: not there)
          { path: ['^/(?!cms/)'], text: [['Получение ключей ЭЦП', 'Получить ключи ЭЦП', 'ЭЦҚ кілттерін алу', 'Get EDS keys', 'Obtaining EDS keys']], fields: ['apply'] },
          { path: ['/services/pass_onlineecp'], fields: ['apply'] },
        ],
        fields: [
          {
            id: 'apply',
            kind: 'action',
            labels: ['Подать заявку', 'Подать заявление', 'Заказать услугу онлайн', 'Получить услугу', 'Өтінім беру', 'Өтініш беру', 'Қызметке онлайн тапсырыс беру', 'Қызметті алу', 'Apply', 'Submit an application', 'Order the service online'],
          },
        ],
      },
      { id: 'visit-psc', kind: 'manual' },
      { id: 'id-card', kind: 'manual' },
      { id: 'install-ncalayer', kind: 'manual', link: 'https://pki.gov.kz/index.php/ru/ncalayer' },
    ],
  },
];
