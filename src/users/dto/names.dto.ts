import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';

const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

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
