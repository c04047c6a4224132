import { UserResponse } from '../../users/dto/user.response.js';

export class AuthResponse {
  /** Send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: UserResponse;
}
