/**
 * Azure's rule for VM administrator passwords, which the service enforces only after
 * minutes of provisioning: 12-123 characters and three of lower, upper, digit, special.
 * Returns why the password is refused, never the password.
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12 || password.length > 123) return `admin_user_password must be 12 to 123 characters long (it has ${password.length})`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "admin_user_password must contain three of: a lower case letter, an upper case letter, a digit, a special character";
  return undefined;
}
