import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login form under the platform's name, so that a user knows where they are signing in. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login>
      <Typography component="h1" variant="h6" sx={{ textAlign: 'center', px: 2, pt: 1 }}>
        {translate('hub.title')}
      </Typography>
      <LoginForm />
    </Login>
  );
}
