// The JSON text of a list of responses, or undefined when any value in it is not plain
// JSON data: a number that is not finite, undefined, a function, a symbol, a BigInt, an
// object with toJSON (a Date), a boxed primitive, a typed array, a Map or any object
// that is neither a plain object nor an array. For plain data the text holds exactly
// what the validating reader would read from the objects (own enumerable keys in
// order, array holes as null), so the npm API reads responses from it at the speed of
// JSON.stringify; anything else is read as before, value by value.
export function plainJson(list) {
  if (!Array.isArray(list)) return undefined;
  let plain = true;
  const text = JSON.stringify(list, function (key, value) {
    // A value that toJSON replaced (a Date's text), or a getter's second answer.
    if (this[key] !== value) plain = false;
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        if (!Number.isFinite(value)) plain = false;
        return value;
      case "object": {
        if (value === null) return value;
        const proto = Object.getPrototypeOf(value);
        if (Array.isArray(value)) {
          if (proto !== Array.prototype) plain = false;
        } else if ((proto !== Object.prototype && proto !== null) || Symbol.iterator in value) {
          plain = false;
        }
        return plain ? value : undefined;
      }
      default:
        plain = false;
        return undefined;
    }
  });
  return plain ? text : undefined;
}
