import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Language skills carry whether the student declared them or an advisor verified them (and at
 * which level the student declared them). Every skill stored so far was declared.
 */
export class LanguageSkillStatus1796041873215 implements MigrationInterface {
  name = 'LanguageSkillStatus1796041873215';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE applications
         SET language_skills = (
               SELECT jsonb_agg(
                        skill || jsonb_build_object(
                          'status', 'declared', 'declaredLevel', skill -> 'cefrLevel',
                          'verifiedById', NULL, 'verifiedAt', NULL)
                        ORDER BY position)
                 FROM jsonb_array_elements(language_skills) WITH ORDINALITY AS skills(skill, position))
       WHERE jsonb_array_length(language_skills) > 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE applications
         SET language_skills = (
               SELECT jsonb_agg(
                        skill - 'status' - 'declaredLevel' - 'verifiedById' - 'verifiedAt' ORDER BY position)
                 FROM jsonb_array_elements(language_skills) WITH ORDINALITY AS skills(skill, position))
       WHERE jsonb_array_length(language_skills) > 0`);
  }
}
