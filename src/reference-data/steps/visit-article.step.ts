import { In } from 'typeorm';
import { Institution } from '../../institutions/institution.entity.js';
import { createArticle } from '../../news/news.service.js';
import type { ReferenceDataStep } from '../reference-data-step.js';

/** The institutions the article is about, by SCHAC code (loaded by the catalogue step). */
const RELATED_SCHAC_CODES = ['umons.ac.be', 'kaznu.kz'];

/** Published on 14 January 2026 (10:00 in Mons). */
export const VISIT_PUBLISHED_AT = new Date('2026-01-14T09:00:00.000Z');

export const VISIT_ARTICLE = {
  title: 'Ambassador of Kazakhstan at UMONS: student exchanges and joint research on the agenda',
  summary:
    'On 9 January 2026 Ambassador Roman Vassilenko came to Mons to take stock of the ties between UMONS ' +
    'and Kazakhstan, from the five students leaving for Al-Farabi Kazakh National University in February ' +
    'to the prospect of joint applied research.',
  authorName: 'Christophe Morel',
  categories: ['International', 'Partnerships', 'Research'],
  body: [
    'Roman Vassilenko, Ambassador of Kazakhstan, paid an official visit to UMONS on 9 January 2026. The aim was twofold: consolidate the academic links that already exist between the university and Kazakhstan, and look for new ways to work together in teaching, student mobility and research.',
    '## A delegation from across the university',
    'The Rector, Professor Philippe Dubois, hosted the ambassador together with:',
    [
      '- Laurence Ris, Vice-Rector for International Relations;',
      '- Christine Michaux, Dean of the Faculty of Translation and Interpreting – EII;',
      '- Marta Bonet, mobility advisor;',
      '- Daria Balandina, mobility coordinator of the SEPSOMS service;',
      '- colleagues from the International Relations Office.',
    ].join('\n'),
    'Around the table, they went through the collaborations in progress and the directions they could take next.',
    '## Exchanges that are already happening',
    'The Faculty of Translation and Interpreting – EII has built close ties with Kazakhstan over the years, through several international agreements and student exchange programmes. The next step is concrete: in February 2026, five UMONS students set off for a semester at Al-Farabi Kazakh National University. There they will attend language and culture courses and join inter-university academic programmes.',
    'The exchange runs both ways. Students from Kazakhstan are currently studying at UMONS, hosted by the Faculty of Languages.',
    '## An open academic landscape',
    "The ambassador described Kazakhstan's ambition to offer an open and attractive environment for higher education. The country is now home to some forty foreign or joint universities, and to many double-degree programmes. Rector Philippe Dubois answered that UMONS is keen to widen its collaborations with Kazakh partners.",
    'Much of the conversation turned to broader cooperation, in education as well as in applied research: joint initiatives that would serve the whole university community and strengthen the international standing of UMONS.',
    '## A stop at Materia Nova',
    'The visit ended at Materia Nova, the applied research and technology transfer centre that is part of UMONS. The tour showed in practice how international partnerships feed into the research carried out in Mons.',
    '## What comes next',
    'Both sides said they want to take the cooperation further, in academic mobility and in applied research. A visit by UMONS authorities to Kazakhstan, to meet partner universities and scientific institutions there, is under consideration.',
  ].join('\n\n'),
};

/**
 * The published news article about the ambassador's visit, linked to UMONS and Al-Farabi when the
 * catalogue step has loaded them. Runs after the catalogue step, once per database.
 */
export const visitArticleStep: ReferenceDataStep = {
  name: 'news-visit-article-2026-01',
  async run(manager) {
    const institutions = await manager.find(Institution, {
      where: { schacCode: In(RELATED_SCHAC_CODES) },
      order: { schacCode: 'ASC' },
    });
    await createArticle(
      manager,
      { ...VISIT_ARTICLE, relatedInstitutionIds: institutions.map((institution) => institution.id) },
      { publishedAt: VISIT_PUBLISHED_AT },
    );
  },
};
