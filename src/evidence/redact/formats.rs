//! Well-known token formats, found wherever they appear, whatever the name
//! around them: a cloud access key id in a log line, a code-hosting token
//! in a clone URL, a chat webhook in a command.
//!
//! Each format is data: a literal prefix that must be present (the
//! prefilter), a high-precision pattern, an example of its shape and where
//! the shape is documented. Examples are built from the documented shape
//! with filler characters; no real credential is in this file.

/// One documented token format.
pub struct TokenFormat {
    /// What the report's redaction summary calls it.
    pub kind: &'static str,
    /// Literal text every match contains (checked case-sensitively).
    pub prefix: &'static str,
    /// The pattern; the whole match is the secret, or its `secret` group.
    pub pattern: &'static str,
    pub example: &'static str,
    /// Where the shape is documented.
    pub source: &'static str,
}

pub const TOKEN_FORMATS: &[TokenFormat] = &[
    TokenFormat {
        kind: "cloud access key id",
        prefix: "A",
        pattern: r"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16}\b",
        example: "The AWS Access Key Id AKIAQWERTYUIOPASDFGH was rejected",
        source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
    },
    TokenFormat {
        kind: "code-hosting token",
        prefix: "gh",
        pattern: r"\bgh[pousr]_[A-Za-z0-9]{36,251}\b",
        example: "token ghp_0123456789abcdefghijABCDEFGHIJ012345 expired",
        source: "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
    },
    TokenFormat {
        kind: "code-hosting token",
        prefix: "github_pat_",
        pattern: r"\bgithub_pat_[A-Za-z0-9_]{22,255}\b",
        example: "GIT_ASKPASS returned github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU",
        source: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
    },
    TokenFormat {
        kind: "code-hosting token",
        prefix: "gl",
        pattern: r"\bgl(?:pat|dt|rt|ptt|cbt|oas|soat|ft|imt|agent|wt)-[A-Za-z0-9_-]{20,}",
        example: "remote: HTTP Basic: Access denied for glpat-abcdefghij0123456789",
        source: "https://docs.gitlab.com/security/tokens/#token-prefixes",
    },
    TokenFormat {
        kind: "chat token",
        prefix: "xox",
        pattern: r"\bxox[abposre]-[A-Za-z0-9-]{10,}",
        example: "slack: invalid_auth for xoxb-1234567890-0987654321-abcdefghijABCDEFGHIJ",
        source: "https://api.slack.com/authentication/token-types",
    },
    TokenFormat {
        kind: "chat token",
        prefix: "xapp-",
        pattern: r"\bxapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{16,}",
        example: "socket mode with xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef",
        source: "https://api.slack.com/authentication/token-types#app-level",
    },
    TokenFormat {
        kind: "chat webhook",
        prefix: "hooks.slack.com",
        pattern: r"hooks\.slack\.com/(?P<secret>(?:services|workflows|triggers)/[A-Za-z0-9/_-]{10,})",
        example: "POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX failed",
        source: "https://api.slack.com/messaging/webhooks",
    },
    TokenFormat {
        kind: "chat webhook",
        prefix: "/api/webhooks/",
        pattern: r"discord(?:app)?\.com/api/webhooks/(?P<secret>\d+/[A-Za-z0-9_-]{20,})",
        example: "webhook https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyzABCDEF returned 404",
        source: "https://discord.com/developers/docs/resources/webhook#execute-webhook",
    },
    TokenFormat {
        kind: "chat webhook",
        prefix: "webhook.office.com",
        pattern: r"webhook\.office\.com/(?P<secret>webhookb2/[^\s'\x22<>]+)",
        example: "teams: POST https://contoso.webhook.office.com/webhookb2/0000-1111@2222/IncomingWebhook/abcd/3333 timed out",
        source: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    },
    TokenFormat {
        kind: "chat token",
        prefix: ":AA",
        pattern: r"\b\d{8,10}:AA[0-9A-Za-z_-]{33}\b",
        example: "telegram bot 123456789:AAabcdefghijklmnopqrstuvwxyz0123456 unauthorized",
        source: "https://core.telegram.org/bots/api#authorizing-your-bot",
    },
    TokenFormat {
        kind: "payment key",
        prefix: "_",
        pattern: r"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b",
        example: "stripe: Invalid API Key provided: sk_live_0123456789abcdefABCDEF",
        source: "https://docs.stripe.com/keys",
    },
    TokenFormat {
        kind: "payment key",
        prefix: "whsec_",
        pattern: r"\bwhsec_[A-Za-z0-9+/=]{24,}",
        example: "STRIPE_ENDPOINT whsec_0123456789abcdefABCDEF0123456789",
        source: "https://docs.stripe.com/webhooks#verify-events",
    },
    TokenFormat {
        kind: "cloud API key",
        prefix: "AIza",
        pattern: r"\bAIza[0-9A-Za-z_-]{35}",
        example: "maps: key=AIzaSyA0123456789abcdefghijklmnopqrstuv denied",
        source: "https://cloud.google.com/docs/authentication/api-keys",
    },
    TokenFormat {
        kind: "cloud API key",
        prefix: "GOCSPX-",
        pattern: r"\bGOCSPX-[A-Za-z0-9_-]{20,}",
        example: "client_secret GOCSPX-abcdefghijklmnopqrstuvwxyz01",
        source: "https://developers.google.com/identity/protocols/oauth2",
    },
    TokenFormat {
        kind: "cloud API key",
        prefix: "ya29.",
        pattern: r"\bya29\.[0-9A-Za-z_-]{20,}",
        example: "Authorization failed for ya29.a0AfH6SMBabcdefghijklmnopqrstuvwxyz",
        source: "https://developers.google.com/identity/protocols/oauth2",
    },
    TokenFormat {
        kind: "AI provider key",
        prefix: "sk-",
        pattern: r"\bsk-(?:ant-(?:api|admin)\d\d-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}",
        example: "openai.AuthenticationError: Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz0123",
        source: "https://platform.openai.com/docs/api-reference/authentication",
    },
    TokenFormat {
        kind: "AI provider key",
        prefix: "hf_",
        pattern: r"\bhf_[A-Za-z0-9]{30,}",
        example: "huggingface_hub: token hf_abcdefghijklmnopqrstuvwxyzABCDEFGH is invalid",
        source: "https://huggingface.co/docs/hub/security-tokens",
    },
    TokenFormat {
        kind: "package registry token",
        prefix: "npm_",
        pattern: r"\bnpm_[A-Za-z0-9]{36}\b",
        example: "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
        source: "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/",
    },
    TokenFormat {
        kind: "package registry token",
        prefix: "pypi-",
        pattern: r"\bpypi-[A-Za-z0-9_-]{50,}",
        example: "twine upload -p pypi-AgEIcHlwaS5vcmcCJGFiY2RlZmdoLWlqa2wtbW5vcC1xcnN0LXV2d3h5ejAxMjM0NTY3",
        source: "https://pypi.org/help/#apitoken",
    },
    TokenFormat {
        kind: "package registry token",
        prefix: "dckr_pat_",
        pattern: r"\bdckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}",
        example: "docker login -u ci --password-stdin <<< dckr_pat_abcdefghijklmnopqrstuvwxyz0",
        source: "https://docs.docker.com/security/for-developers/access-tokens/",
    },
    TokenFormat {
        kind: "cloud API key",
        prefix: "_v1_",
        pattern: r"\bdo[opr]_v1_[a-f0-9]{64}\b",
        example: "doctl: dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        source: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
    },
    TokenFormat {
        kind: "SaaS API key",
        prefix: "SG.",
        pattern: r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b",
        example: "sendgrid: SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ unauthorized",
        source: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    },
    TokenFormat {
        kind: "SaaS API key",
        prefix: "shp",
        pattern: r"\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b",
        example: "shopify: shpat_0123456789abcdef0123456789abcdef rejected",
        source: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
    },
    TokenFormat {
        kind: "SaaS API key",
        prefix: "key-",
        pattern: r"\bkey-[0-9a-zA-Z]{32}\b",
        example: "mailgun: 401 for api:key-0123456789abcdef0123456789abcdef",
        source: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication",
    },
    TokenFormat {
        kind: "SaaS API key",
        prefix: "glsa_",
        pattern: r"\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b",
        example: "grafana: glsa_abcdefghijklmnopqrstuvwxyz012345_0123abcd invalid",
        source: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
    },
    TokenFormat {
        kind: "SaaS API key",
        prefix: "ATATT",
        pattern: r"\bATATT[A-Za-z0-9_=-]{20,}",
        example: "jira: ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123 expired",
        source: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    },
    TokenFormat {
        kind: "vault token",
        prefix: "hv",
        pattern: r"\bhv[sbr]\.[A-Za-z0-9_-]{24,}",
        example: "vault: permission denied for hvs.CAESIabcdefghijklmnopqrstuvwxyz0123",
        source: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    },
    TokenFormat {
        kind: "JSON web token",
        prefix: "eyJ",
        pattern: r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
        example: "jwt expired: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        source: "https://datatracker.ietf.org/doc/html/rfc7519#section-3.1",
    },
    TokenFormat {
        kind: "cloud storage key",
        prefix: "AccountKey=",
        pattern: r"AccountKey=(?P<secret>[A-Za-z0-9+/=]{40,})",
        example: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ==;EndpointSuffix=core.windows.net",
        source: "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string",
    },
    TokenFormat {
        kind: "private key",
        prefix: "AGE-SECRET-KEY-",
        pattern: r"AGE-SECRET-KEY-1[0-9A-Z]{58}",
        example: "age: AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
        source: "https://age-encryption.org/v1",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_holds_its_prefix_and_matches_its_pattern() {
        for format in TOKEN_FORMATS {
            assert!(
                format.example.contains(format.prefix),
                "{}: prefix {} not in example",
                format.kind,
                format.prefix
            );
            let re = regex::Regex::new(format.pattern).expect(format.pattern);
            assert!(
                re.is_match(format.example),
                "{} does not match {}",
                format.pattern,
                format.example
            );
            assert!(format.source.starts_with("https://"), "{}", format.source);
        }
    }
}
