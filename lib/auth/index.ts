// The admin's authentication, for app code (server only). Tests import the modules directly.
export { requireAdmin, requireAdminForRoute, assertAdmin, isAdmin, getAdminSession, createAdminSession, endAdminSession } from './session';
export { AdminAuthError, NOT_LOGGED_IN, type SessionClaims } from './session';
export { authorizeApiRequest } from './api-token';
export { prepareAdminPassword } from './password';
