import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Trimmed } from '../../common/dto/fields.js';

export class CreateFacultyDto {
  /** e.g. Faculty of Translation and Interpreting – EII */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** Short code, unique within the institution, e.g. EII. */
  @Trimmed()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, {
    message: 'code must be 1 to 30 letters, digits, dots, dashes or underscores',
  })
  code: string;
}
