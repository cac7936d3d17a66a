package io.creditlayer.service.siwe;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A wallet signing in the way a browser dApp does: nonce, EIP-4361 message, personal_sign, verify. */
public final class SiweTestClient {
    private final String domain;
    private final long chainId;

    public SiweTestClient(String domain, long chainId) {
        this.domain = domain;
        this.chainId = chainId;
    }

    public static String nonce() {
        return given().when().post("/v1/siwe/nonce").then().statusCode(200).extract().path("nonce");
    }

    /** A message for {@code key} with a fresh nonce, issued now. */
    public SiweMessage message(ECKeyPair key) {
        return message(key, nonce());
    }

    public SiweMessage message(ECKeyPair key, String nonce) {
        return new SiweMessage(null, domain, Keys.toChecksumAddress(Keys.getAddress(key.getPublicKey())),
                "Sign in to CreditLayer to see your score.", "https://" + domain + "/login", SiweMessage.VERSION, chainId,
                nonce, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, null, null);
    }

    public static String sign(String text, ECKeyPair key) {
        return SiweSignatures.encode(Sign.signPrefixedMessage(text.getBytes(StandardCharsets.UTF_8), key));
    }

    public static ValidatableResponse verify(String text, String signature) {
        return given().contentType(ContentType.JSON).body(Map.of("message", text, "signature", signature))
                .when().post("/v1/siwe/verify").then();
    }

    /** Signs in and returns the session token. */
    public String signIn(ECKeyPair key) {
        String text = message(key).toMessage();
        return verify(text, sign(text, key)).statusCode(200).extract().path("token");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
