/** What the login form shows after an attempt: an error next to the field, or above the form. */
export interface LoginState {
  passwordError?: string;
  formError?: string;
}

export const initialLoginState: LoginState = {};
