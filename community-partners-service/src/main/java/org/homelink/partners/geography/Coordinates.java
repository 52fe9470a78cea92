package org.homelink.partners.geography;

/**
 * A point on the Earth, in degrees (WGS 84, as Open Referral locations give them).
 *
 * @param latitude  from -90 to 90
 * @param longitude from -180 to 180
 */
public record Coordinates(double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** The great-circle distance, in kilometres: close enough for "how far is the food bank". */
    public double kilometresTo(Coordinates other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
                   * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
