package io.nicsync.plugin.ganeti;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a certificate names a host, as RFC 6125 says and the JDK's own check does: the DNS names among its
 * subject alternative names (a {@code *} only as the whole left-most label), the IP addresses among them for an
 * address; the subject's most specific CN only when the certificate has no DNS name at all, which is what
 * Ganeti's certificates need.
 */
final class CertificateNames {
    private static final int DNS = 2;
    private static final int IP = 7;

    private CertificateNames() {
    }

    static boolean matches(X509Certificate certificate, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        List<String> dns = alternatives(certificate, DNS);
        if (isAddress(wanted)) {
            String address = address(wanted);
            return alternatives(certificate, IP).stream().map(CertificateNames::address).anyMatch(address::equals);
        }
        if (!dns.isEmpty()) {
            return dns.stream().anyMatch(name -> matchesDns(name.toLowerCase(Locale.ROOT), wanted));
        }
        String cn = commonName(certificate);
        return cn != null && matchesDns(cn.toLowerCase(Locale.ROOT), wanted);
    }

    /** For messages: every name the certificate carries. */
    static List<String> of(X509Certificate certificate) {
        List<String> out = new ArrayList<>(alternatives(certificate, DNS));
        out.addAll(alternatives(certificate, IP));
        String cn = commonName(certificate);
        if (cn != null) {
            out.add("CN=" + cn);
        }
        return out;
    }

    private static boolean matchesDns(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static List<String> alternatives(X509Certificate certificate, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() >= 2 && Integer.valueOf(type).equals(name.get(0))) {
                        out.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension names nothing
        }
        return out;
    }

    private static String commonName(X509Certificate certificate) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            // LdapName lists the RDNs from the least specific; the most specific CN is the last one found
            String cn = null;
            for (Rdn rdn : rdns) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike); a literal is never looked up. */
    private static String address(String literal) {
        try {
            return java.net.InetAddress.getByName(literal.replace("[", "").replace("]", "")).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return literal;
        }
    }
}
