package it.spidonly.keycloak.testsupport.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Extra runtime options for every node of the class's cluster ({@link KeycloakClusterExtension}), e.g. a short
 * interval for a scheduled task: {@code @ClusterNodeArgs("--spi-<spi>--<provider>--<option>=5")}. Build-time
 * options do not belong here: they live in {@code docker/keycloak.conf}, shared with the image.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClusterNodeArgs {

    String[] value();
}
