import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trimmed } from '../../common/dto/fields.js';

/** A person's names, in any script (Latin, Cyrillic, Kazakh letters...). */
export class NamesDto {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;
}
