package fr.ent.portal.federation.control;

/** How a connected service signs its users in through the portal: the registry's protocol column. */
public enum ServiceProtocol {
    /** CAS 3.0: a service of an establishment's list with a ticket pattern ({@code /cas/login}). */
    CAS,
    /** SAML 2.0: a service provider registered from its metadata ({@code /saml/sso}, {@code /saml/start}). */
    SAML,
    /** OpenID Connect: a client ({@code /oidc/authorize}). */
    OIDC
}
