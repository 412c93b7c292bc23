package dev.tributary.adapters.aws;

import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** Region names: recognising them in host names and mapping them to their partition. Stateless. */
public final class AwsRegions {

    /** A region name such as {@code eu-west-1}, {@code us-gov-west-1} or {@code cn-north-1}: {@value}. */
    public static final String REGION_REGEX = "[a-z]{2}(?:-[a-z]+)+-\\d+";

    private static final Pattern REGION = Pattern.compile(REGION_REGEX);

    private AwsRegions() {}

    public static boolean isRegion(String name) {
        return REGION.matcher(name).matches();
    }

    /** The first dot-separated label of a host name that is a region name ({@code sqs.eu-west-1.amazonaws.com}). */
    public static Optional<String> inHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        for (String label : host.split("\\.")) {
            if (isRegion(label)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /** The ARN partition of a region: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, … (per the SDK's partition table). */
    public static String partition(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }
}
